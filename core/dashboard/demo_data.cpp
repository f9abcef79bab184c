#include "core/dashboard/demo_data.h"

#include <QDate>
#include <QDir>
#include <QTemporaryDir>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include "core/ingest/import_job.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::dashboard {

namespace {

// splitmix64: tiny, fast and identical on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    int below(int n) { return int(uniform() * n); }
    bool chance(double p) { return uniform() < p; }

private:
    std::uint64_t s_;
};

struct Product {
    const char* name;
    const char* category;
    double price;
    int companion;  // index of a product often bought with this one, or -1
};

// Companions make "bought together" pairs stand out in the basket analysis.
const std::vector<Product>& catalogue() {
    static const std::vector<Product> products = {
        {"Espresso Machine", "Kitchen", 329.00, 1},
        {"Espresso Beans 1kg", "Kitchen", 24.50, -1},
        {"Burr Grinder", "Kitchen", 119.00, 1},
        {"Chef Knife", "Kitchen", 79.90, 4},
        {"Cutting Board", "Kitchen", 34.00, -1},
        {"Cast Iron Pan", "Kitchen", 54.00, -1},
        {"Noise-Cancelling Headphones", "Electronics", 249.00, -1},
        {"Laptop Stand", "Electronics", 45.00, 8},
        {"Wireless Mouse", "Electronics", 29.99, -1},
        {"USB-C Charger", "Electronics", 39.00, 10},
        {"USB-C Cable 2m", "Electronics", 12.99, -1},
        {"Smart Speaker", "Electronics", 99.00, -1},
        {"2-Person Tent", "Outdoors", 189.00, 13},
        {"Sleeping Bag", "Outdoors", 89.00, 14},
        {"Camping Stove", "Outdoors", 64.00, 15},
        {"Gas Canister", "Outdoors", 7.50, -1},
        {"Headlamp", "Outdoors", 24.00, -1},
        {"Hiking Backpack 40L", "Outdoors", 129.00, 16},
        {"Yoga Mat", "Sports", 39.00, 19},
        {"Water Bottle", "Sports", 19.00, -1},
        {"Running Shoes", "Sports", 119.00, 21},
        {"Sports Socks 3-pack", "Sports", 14.00, -1},
        {"Dumbbell Set", "Sports", 149.00, -1},
        {"Resistance Bands", "Sports", 22.00, -1},
        {"The Data Warehouse Toolkit", "Books", 52.00, 25},
        {"SQL Pocket Guide", "Books", 24.00, -1},
        {"Cooking for Geeks", "Books", 36.00, -1},
        {"Wilderness Survival", "Books", 19.00, -1},
        {"Atlas of Remote Islands", "Books", 28.00, -1},
        {"Sci-Fi Box Set", "Books", 64.00, -1},
        {"Linen Bedding Set", "Home", 139.00, 31},
        {"Pillow Pair", "Home", 49.00, -1},
        {"Scented Candle", "Home", 18.00, -1},
        {"Desk Lamp", "Home", 59.00, -1},
        {"Throw Blanket", "Home", 45.00, -1},
        {"Houseplant Pot", "Home", 16.00, -1},
        {"Face Cream", "Beauty", 32.00, 37},
        {"Cleanser", "Beauty", 18.00, -1},
        {"Shampoo", "Beauty", 11.00, 39},
        {"Conditioner", "Beauty", 11.00, -1},
        {"Sunscreen SPF50", "Beauty", 21.00, -1},
        {"Lip Balm", "Beauty", 4.50, -1},
        {"Building Blocks 500", "Toys", 49.00, -1},
        {"Board Game Night", "Toys", 39.00, 44},
        {"Card Game Expansion", "Toys", 19.00, -1},
        {"Puzzle 1000", "Toys", 21.00, -1},
        {"Plush Fox", "Toys", 17.00, -1},
        {"Kite", "Toys", 25.00, -1},
    };
    return products;
}

const std::array<const char*, 24> kFirst = {
    "Ava",  "Ben",  "Chloe",  "David", "Elena", "Finn", "Grace", "Hugo", "Isla", "Jonas", "Kira", "Liam",
    "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sami",  "Tara", "Umar", "Vera",  "Wes",  "Yuki"};
const std::array<const char*, 20> kLast = {
    "Andersen", "Brown", "Costa",  "Dubois",   "Eriksen", "Fischer", "Garcia", "Hansen",  "Ivanova", "Jensen",
    "Kowalski", "Lopez", "Müller", "Nakamura", "Okafor",  "Petrov",  "Rossi",  "Schmidt", "Tanaka",  "Weber"};
struct City {
    const char* city;
    const char* country;
    double weight;
};
const std::array<City, 12> kCities = {{{"Berlin", "Germany", 9},
                                       {"Hamburg", "Germany", 5},
                                       {"Paris", "France", 8},
                                       {"Lyon", "France", 4},
                                       {"Madrid", "Spain", 6},
                                       {"Barcelona", "Spain", 5},
                                       {"Milan", "Italy", 5},
                                       {"Amsterdam", "Netherlands", 6},
                                       {"Copenhagen", "Denmark", 4},
                                       {"Stockholm", "Sweden", 4},
                                       {"Vienna", "Austria", 3},
                                       {"Warsaw", "Poland", 4}}};

template <class T, std::size_t N>
int weightedPick(Rng& rng, const std::array<T, N>& items) {
    double total = 0;
    for (const auto& c : items) total += c.weight;
    double r = rng.uniform() * total;
    for (std::size_t i = 0; i < N; ++i) {
        r -= items[i].weight;
        if (r < 0) return int(i);
    }
    return int(N - 1);
}

std::string csvText(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string money(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Relative order volume on a day: growth over the two years, a December peak, busier weekends.
double dayWeight(const QDate& d, int dayIndex, int days) {
    static const double month[12] = {0.8, 0.75, 0.9, 0.95, 1.0, 0.95, 0.9, 0.92, 1.0, 1.05, 1.3, 1.7};
    const double growth = 1.0 + 0.6 * double(dayIndex) / double(std::max(days, 1));
    const double weekday = d.dayOfWeek() >= 6 ? 1.25 : 1.0;
    return growth * month[d.month() - 1] * weekday;
}

}  // namespace

const std::vector<std::string>& demoTables() {
    static const std::vector<std::string> t = {"customers", "products", "orders", "order_items"};
    return t;
}

Result<std::vector<std::string>> writeDemoCsv(const std::string& dirPath, const DemoSizes& sizes) {
    const QDir dir(QString::fromStdString(dirPath));
    if (!QDir().mkpath(dir.path())) return Error{"cannot create " + dirPath};
    const QDate first = QDate::fromString(QString::fromStdString(sizes.firstDay), Qt::ISODate);
    if (!first.isValid() || sizes.days <= 0 || sizes.customers <= 0 || sizes.orders < 0)
        return Error{"invalid demo sizes"};
    std::vector<std::string> paths;
    for (const auto& t : demoTables())
        paths.push_back(dir.filePath(QString::fromStdString(t + ".csv")).toStdString());
    std::ofstream customers(paths[0], std::ios::binary), products(paths[1], std::ios::binary),
        orders(paths[2], std::ios::binary), items(paths[3], std::ios::binary);
    if (!customers || !products || !orders || !items)
        return Error{"cannot write the demo CSV files in " + dirPath};

    Rng rng(sizes.seed);
    const auto& cat = catalogue();
    products << "product_id,name,category,price\n";
    for (std::size_t i = 0; i < cat.size(); ++i)
        products << (i + 1) << ',' << csvText(cat[i].name) << ',' << cat[i].category << ','
                 << money(cat[i].price) << '\n';

    // Customers sorted by sign-up day; a third were already customers before the first day.
    std::vector<int> signupDay(std::size_t(sizes.customers));
    for (auto& d : signupDay) d = rng.chance(0.3) ? -1 - rng.below(365) : rng.below(sizes.days);
    std::sort(signupDay.begin(), signupDay.end());
    std::vector<double> loyalty(std::size_t(sizes.customers));
    customers << "customer_id,name,email,city,country,signup_date\n";
    for (int i = 0; i < sizes.customers; ++i) {
        const std::string firstName = kFirst[std::size_t(rng.below(int(kFirst.size())))];
        const std::string lastName = kLast[std::size_t(rng.below(int(kLast.size())))];
        const City& city = kCities[std::size_t(weightedPick(rng, kCities))];
        // A few customers typed their address without its ending: the demo's one failing check
        // (a warn one, checks/stg_customers.json) finds them.
        const bool typo = (i + 1) % 37 == 7;
        std::string mail =
            firstName + "." + lastName + std::to_string(i + 1) + (typo ? "@example" : "@example.com");
        std::transform(mail.begin(), mail.end(), mail.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        // Heavy-tailed loyalty: a few customers order often, most once or twice.
        loyalty[std::size_t(i)] = std::pow(rng.uniform() + 0.02, 3.0);
        customers << (i + 1) << ',' << firstName << ' ' << lastName << ',' << mail << ',' << city.city << ','
                  << city.country << ','
                  << first.addDays(signupDay[std::size_t(i)]).toString(Qt::ISODate).toStdString() << '\n';
    }

    // Order days by inverse CDF of the day weights.
    std::vector<double> cdf(std::size_t(sizes.days));
    double total = 0;
    for (int d = 0; d < sizes.days; ++d)
        cdf[std::size_t(d)] = (total += dayWeight(first.addDays(d), d, sizes.days));
    std::vector<int> orderDay(std::size_t(sizes.orders));
    for (auto& d : orderDay)
        d = int(std::lower_bound(cdf.begin(), cdf.end(), rng.uniform() * total) - cdf.begin());
    std::sort(orderDay.begin(), orderDay.end());

    // Popularity of each product: cheaper items sell more.
    std::vector<double> popularity(cat.size());
    double popTotal = 0;
    for (std::size_t i = 0; i < cat.size(); ++i)
        popTotal += (popularity[i] = 1.0 / std::sqrt(cat[i].price) * (1 + rng.uniform()));
    auto pickProduct = [&]() {
        double r = rng.uniform() * popTotal;
        for (std::size_t i = 0; i < cat.size(); ++i)
            if ((r -= popularity[i]) < 0) return int(i);
        return int(cat.size() - 1);
    };

    // Prefix sums of loyalty so a customer is drawn among those signed up by the order day.
    std::vector<double> loyaltyCdf(loyalty.size());
    double lt = 0;
    for (std::size_t i = 0; i < loyalty.size(); ++i) loyaltyCdf[i] = (lt += loyalty[i]);

    orders << "order_id,customer_id,order_date,status,channel,total\n";
    items << "order_id,product_id,quantity,unit_price\n";
    std::size_t signedUp = 0;
    for (int o = 0; o < sizes.orders; ++o) {
        const int day = orderDay[std::size_t(o)];
        while (signedUp < signupDay.size() && signupDay[signedUp] <= day) ++signedUp;
        const std::size_t pool = std::max<std::size_t>(signedUp, 1);
        const double r = rng.uniform() * loyaltyCdf[pool - 1];
        const std::size_t customer =
            std::size_t(std::lower_bound(loyaltyCdf.begin(), loyaltyCdf.begin() + std::ptrdiff_t(pool), r) -
                        loyaltyCdf.begin());
        // Basket: 1..7 distinct products, geometric-ish; companions join their anchor often.
        std::vector<int> basket;
        const int wanted = 1 + int(std::floor(-std::log(1.0 - rng.uniform()) * 1.3));
        for (int k = 0; k < std::min(wanted, 7); ++k) {
            int p = pickProduct();
            if (std::find(basket.begin(), basket.end(), p) == basket.end()) basket.push_back(p);
            const int companion = cat[std::size_t(p)].companion;
            if (companion >= 0 && rng.chance(0.55) &&
                std::find(basket.begin(), basket.end(), companion) == basket.end())
                basket.push_back(companion);
        }
        const double roll = rng.uniform();
        const char* status = roll < 0.03 ? "cancelled" : roll < 0.08 ? "returned" : "completed";
        const double channelRoll = rng.uniform();
        const char* channel = channelRoll < 0.55 ? "web" : channelRoll < 0.85 ? "mobile" : "store";
        double orderTotal = 0;
        const int orderId = o + 1;
        for (int p : basket) {
            const int qty = rng.chance(0.8) ? 1 : 2 + rng.below(3);
            const double discount = rng.chance(0.15) ? 0.85 : 1.0;
            const double unit = std::round(cat[std::size_t(p)].price * discount * 100.0) / 100.0;
            orderTotal += unit * qty;
            items << orderId << ',' << (p + 1) << ',' << qty << ',' << money(unit) << '\n';
        }
        orders << orderId << ',' << (customer + 1) << ','
               << first.addDays(day).toString(Qt::ISODate).toStdString() << ',' << status << ',' << channel
               << ',' << money(orderTotal) << '\n';
    }
    for (auto* s : {&customers, &products, &orders, &items}) {
        s->flush();
        if (!*s) return Error{"cannot write the demo CSV files in " + dirPath};
    }
    return paths;
}

bool hasDemoData(Warehouse& warehouse) {
    for (const auto& t : demoTables()) {
        auto exists = warehouse.tableExists(t);
        if (!exists || !*exists) return false;
    }
    return true;
}

Status importDemoData(Warehouse& warehouse, const DemoSizes& sizes) {
    QTemporaryDir tmp;
    if (!tmp.isValid()) return Status::fail("cannot create a temporary folder for the demo data");
    auto paths = writeDemoCsv(tmp.path().toStdString(), sizes);
    if (!paths) return paths.status();
    for (std::size_t i = 0; i < paths->size(); ++i) {
        ImportOptions options;
        options.path = (*paths)[i];
        options.table = demoTables()[i];
        options.mode = ImportMode::Replace;
        options.force = true;
        ImportJob job(options);
        auto result = job.run(warehouse);
        if (!result)
            return Status::fail("importing the demo table " + demoTables()[i] + ": " + result.message());
    }
    return Status::ok();
}

}  // namespace deskbase::dashboard
