// The result cache: keys (compared on lookup, not only hashed), hit/miss, LRU eviction by bytes,
// an entry larger than the memory tier, invalidation by data version, persistence across a
// restart, leftover temporary files, TTL policies on a clock the test moves, large results,
// damaged files, purge and its epoch, the file format's exact bytes.
#include "core/cache/result_cache.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/cache/result_codec.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

QueryResult makeResult(int rows, const std::string& text = "x") {
    QueryResult r;
    r.columns = {{"id", ColumnType::Integer, "id"},
                 {"name", ColumnType::Text, "Name"},
                 {"v", ColumnType::Real, "v"},
                 {"b", ColumnType::Boolean, "b"}};
    for (int i = 0; i < rows; ++i)
        r.rows.push_back({Value{std::int64_t(i)}, Value{text + std::to_string(i)},
                          i % 7 ? Value{i * 0.25} : Value{}, Value{i % 2 == 0}});
    return r;
}

// A wall clock that moves only when the test says so.
struct ManualClock {
    std::shared_ptr<std::int64_t> ms = std::make_shared<std::int64_t>(1'000'000);
    std::function<std::int64_t()> fn() const {
        return [ms = ms] { return *ms; };
    }
    void advance(std::int64_t by) { *ms += by; }
};

CachePolicy fixedPolicy(std::int64_t seconds = 3600) {
    CachePolicy p;
    p.kind = CachePolicy::Kind::Fixed;
    p.ttlSeconds = seconds;
    return p;
}

}  // namespace

class ResultCacheTest : public QObject {
    Q_OBJECT
private:
    test::TempWorkspace ws_;
    std::unique_ptr<Warehouse> w_;
    std::string sql_ = "SELECT id, name FROM items WHERE id < ?1";

    CacheKey key(std::int64_t param = 10) {
        return CacheKey::make(w_->identity(), w_->dialect(), sql_, {Value{param}});
    }
    std::vector<TableVersion> versionsNow() {
        auto v = currentDataVersions(*w_, {"items"});
        return v ? *v : std::vector<TableVersion>{};
    }

private slots:
    void initTestCase() {
        auto w = Warehouse::open(ws_.sqlitePath());
        QVERIFY(w);
        w_ = std::move(*w);
        QVERIFY(w_->execute("CREATE TABLE items (id INTEGER, name TEXT)"));
        QVERIFY(w_->execute("INSERT INTO items VALUES (1, 'a'), (2, 'b')"));
    }

    void keysDifferByConnectionSqlAndValues() {
        auto a = CacheKey::make("sqlite:/a.db", Dialect::sqlite(), "SELECT  1 WHERE x = ?1",
                                {Value{std::int64_t(1)}});
        auto same = CacheKey::make("sqlite:/a.db", Dialect::sqlite(), "SELECT 1\nWHERE x = ?1",
                                   {Value{std::int64_t(1)}});
        QCOMPARE(QString::fromStdString(a.digest()), QString::fromStdString(same.digest()));
        QVERIFY(a.digest() != CacheKey::make("sqlite:/b.db", Dialect::sqlite(), a.sql, a.params).digest());
        QVERIFY(a.digest() !=
                CacheKey::make(a.connection, Dialect::sqlite(), a.sql, {Value{std::int64_t(2)}}).digest());
        QVERIFY(a.digest() !=
                CacheKey::make(a.connection, Dialect::sqlite(), a.sql, {Value{std::string("1")}}).digest());
        QVERIFY(a.digest() != CacheKey::make(a.connection, Dialect::sqlite(), a.sql, a.params, 100).digest());
    }

    void codecRoundTrip() {
        CachedResult c;
        c.key = "k";
        c.expiresAtMs = 123;
        c.versions = {{"items", 4}, {"other", 0}};
        c.result = makeResult(50);
        c.result.truncated = true;
        const std::string bytes = encodeCachedResult(c);
        auto back = decodeCachedResult(bytes);
        QVERIFY(back);
        QCOMPARE(back->versions, c.versions);
        QVERIFY(back->result.truncated);
        QCOMPARE(back->result.rows, c.result.rows);
        QCOMPARE(QString::fromStdString(back->result.columns[1].displayName), QStringLiteral("Name"));
        QVERIFY(!decodeCachedResult(bytes.substr(0, bytes.size() - 3)));
        QVERIFY(!decodeCachedResult("garbage"));
    }

    void hitAndMiss() {
        ResultCache cache;
        QVERIFY(!cache.lookup(key(), *w_));
        QVERIFY(cache.store(key(), makeResult(3), 5, versionsNow(), fixedPolicy()));
        auto hit = cache.lookup(key(), *w_);
        QVERIFY(hit);
        QVERIFY(hit->fromCache);
        QCOMPARE(int(hit->rows.size()), 3);
        QVERIFY(!cache.lookup(key(11), *w_));  // other bound value
        const auto s = cache.stats();
        QCOMPARE(s.hits, std::uint64_t(1));
        QCOMPARE(s.misses, std::uint64_t(2));
        QCOMPARE(s.memoryEntries, std::int64_t(1));
        QVERIFY(s.memoryBytes > 0);
    }

    // approxBytes() of makeResult(100) on x86-64 libstdc++, by hand: the QueryResult itself 72
    // (two vectors 24 + 24, two bools, padding, a double, one more bool, padding); 4 columns x
    // (sizeof(Column) 72 + two short names' capacity 15 + 15) = 408; 100 rows x (sizeof(Row) 24 +
    // capacity 4 x sizeof(Value) 40) = 18,400; no text of 16 bytes or more. 72 + 408 + 18,400 = 18,880.
    void approxBytesOfAKnownResult() {
        QCOMPARE(makeResult(100).approxBytes(), std::size_t(18880));
        QueryResult longText;
        longText.rows.push_back({Value{std::string(40, 'x')}});  // + 24 + 1 x 40 + capacity 40 + 1
        QCOMPARE(longText.approxBytes(), std::size_t(72 + 24 + 40 + 41));
    }

    void lruEvictionByBytes() {
        const std::size_t one = 18872 + key(1).serialized().size();  // approxBytes (above) + the key
        ResultCache cache(CacheOptions{{}, std::int64_t(one * 2 + one / 2), 0, {}});
        QVERIFY(cache.store(key(1), makeResult(100), 5, {}, fixedPolicy()));
        QVERIFY(cache.store(key(2), makeResult(100), 5, {}, fixedPolicy()));
        QVERIFY(cache.lookup(key(1), *w_));  // 1 is now more recent than 2
        QVERIFY(cache.store(key(3), makeResult(100), 5, {}, fixedPolicy()));
        QCOMPARE(cache.stats().memoryEntries, std::int64_t(2));
        QVERIFY(cache.stats().memoryBytes <= std::int64_t(one * 2 + one / 2));
        QVERIFY(cache.lookup(key(1), *w_));
        QVERIFY(!cache.lookup(key(2), *w_));  // least recently used went first
        QVERIFY(cache.lookup(key(3), *w_));
    }

    void invalidatedAfterDataChange() {
        ResultCache cache;
        QVERIFY(cache.store(key(), makeResult(2), 5, versionsNow(), fixedPolicy()));
        QVERIFY(cache.lookup(key(), *w_));
        // An import bumps the table's data version inside its transaction.
        QVERIFY(w_->begin());
        QVERIFY(w_->execute("INSERT INTO items VALUES (3, 'c')"));
        QVERIFY(w_->bumpDataVersion("items"));
        QVERIFY(w_->commit());
        QVERIFY(!cache.lookup(key(), *w_));
        QCOMPARE(cache.stats().invalidations, std::uint64_t(1));
        QCOMPARE(cache.stats().memoryEntries, std::int64_t(0));
        // Stored again at the new version, it is served again.
        QVERIFY(cache.store(key(), makeResult(3), 5, versionsNow(), fixedPolicy()));
        QVERIFY(cache.lookup(key(), *w_));
        // A change to another table does not matter.
        QVERIFY(w_->bumpDataVersion("unrelated"));
        QVERIFY(cache.lookup(key(), *w_));
    }

    void persistsAcrossRestart() {
        const std::string dir = ws_.file(".deskbase/cache-restart");
        {
            ResultCache cache(CacheOptions{dir, 64 << 20, 64 << 20, {}});
            QVERIFY(cache.store(key(7), makeResult(1000), 5, versionsNow(), fixedPolicy()));
            QCOMPARE(cache.stats().diskEntries, std::int64_t(1));
        }
        ResultCache reopened(CacheOptions{dir, 64 << 20, 64 << 20, {}});
        QCOMPARE(reopened.stats().diskEntries, std::int64_t(1));
        auto hit = reopened.lookup(key(7), *w_);
        QVERIFY(hit);
        QCOMPARE(hit->rows, makeResult(1000).rows);
        QCOMPARE(reopened.stats().diskHits, std::uint64_t(1));
        QVERIFY(reopened.lookup(key(7), *w_));  // now from memory
        QCOMPARE(reopened.stats().memoryHits, std::uint64_t(1));
        // No temp files left behind.
        for (const auto& e : std::filesystem::directory_iterator(dir))
            QVERIFY(e.path().extension() == ".dbrc");
    }

    void damagedFileIsAMissNotACrash() {
        const std::string dir = ws_.file(".deskbase/cache-damaged");
        std::string file;
        {
            ResultCache cache(CacheOptions{dir, 64 << 20, 64 << 20, {}});
            QVERIFY(cache.store(key(8), makeResult(10), 5, {}, fixedPolicy()));
            file = dir + "/" + key(8).digest() + ".dbrc";
        }
        std::filesystem::resize_file(file, 20);
        ResultCache reopened(CacheOptions{dir, 64 << 20, 64 << 20, {}});
        QVERIFY(!reopened.lookup(key(8), *w_));
        QVERIFY(!std::filesystem::exists(file));
    }

    // The disk format (result_codec.h) byte for byte: one column, two rows.
    void encodesAKnownResultToTheseBytes() {
        CachedResult c;
        c.key = "k";
        c.expiresAtMs = 258;  // 0x102
        c.versions = {{"t", 3}};
        c.result.columns = {{"n", ColumnType::Integer, "N"}};
        c.result.rows = {{Value{std::int64_t(-1)}}, {Value{}}};
        c.result.elapsedMs = 0.5;
        const std::string expected = std::string("DBRC") +                     // magic
                                     std::string("\x01\0\0\0", 4) +            // format 1
                                     std::string("\x01\0\0\0k", 5) +           // key
                                     std::string("\x02\x01\0\0\0\0\0\0", 8) +  // expiry
                                     std::string("\x01\0\0\0", 4) +            // one version
                                     std::string("\x01\0\0\0t", 5) + std::string("\x03\0\0\0\0\0\0\0", 8) +
                                     std::string("\0", 1) +                                  // not truncated
                                     std::string("\0\0\0\0\0\0\xe0\x3f", 8) +                // 0.5
                                     std::string("\x01\0\0\0", 4) +                          // one column
                                     std::string("\x01\0\0\0n", 5) + std::string("\0", 1) +  // integer
                                     std::string("\x01\0\0\0N", 5) +
                                     std::string("\x02\0\0\0\0\0\0\0", 8) +                    // two rows
                                     std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff", 9) +  // int64 -1
                                     std::string("\0", 1);                                     // NULL
        QCOMPARE(encodeCachedResult(c), expected);
        QCOMPARE(expected.size(), std::size_t(80));
    }

    void diskTierBoundedWithEviction() {
        const std::string dir = ws_.file(".deskbase/cache-bounded");
        // One entry's file size as the file system sees it (all five are the same size).
        std::size_t fileSize = 0;
        {
            const std::string probeDir = ws_.file(".deskbase/cache-probe");
            ResultCache probe(CacheOptions{probeDir, 64 << 20, 64 << 20, {}});
            QVERIFY(probe.store(key(1), makeResult(200), 5, {}, fixedPolicy()));
            fileSize = std::size_t(std::filesystem::file_size(probeDir + "/" + key(1).digest() + ".dbrc"));
        }
        ResultCache cache(CacheOptions{dir, 64 << 20, std::int64_t(fileSize * 3 + 10), {}});
        for (int i = 1; i <= 5; ++i) QVERIFY(cache.store(key(i), makeResult(200), 5, {}, fixedPolicy()));
        QCOMPARE(cache.stats().diskEntries, std::int64_t(3));
        QVERIFY(cache.stats().diskBytes <= std::int64_t(fileSize * 3 + 10));
        int files = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            files += e.path().extension() == ".dbrc";
        QCOMPARE(files, 3);
        ResultCache reopened(CacheOptions{dir, 64 << 20, std::int64_t(fileSize * 3 + 10), {}});
        QVERIFY(!reopened.lookup(key(1), *w_));  // the oldest went first
        QVERIFY(reopened.lookup(key(5), *w_));
    }

    void largeResultIsCacheable() {
        const std::string dir = ws_.file(".deskbase/cache-large");
        const QueryResult big = makeResult(100000, "a somewhat longer text value ");
        {
            ResultCache cache(CacheOptions{dir, 256 << 20, 1024 << 20, {}});
            QVERIFY(cache.store(key(100000), big, 500, {}, CachePolicy{}));  // adaptive default
            QVERIFY(cache.lookup(key(100000), *w_));
        }
        ResultCache reopened(CacheOptions{dir, 256 << 20, 1024 << 20, {}});
        auto hit = reopened.lookup(key(100000), *w_);
        QVERIFY(hit);
        QCOMPARE(int(hit->rows.size()), 100000);
        QCOMPARE(hit->rows.back(), big.rows.back());
    }

    void ttlPolicies() {
        ResultCache cache;
        CachePolicy never;
        never.kind = CachePolicy::Kind::Never;
        QVERIFY(!cache.store(key(20), makeResult(1), 10000, {}, never));
        QVERIFY(!cache.lookup(key(20), *w_));

        CachePolicy adaptive;
        adaptive.minDurationMs = 100;
        adaptive.multiplier = 0.1;
        ManualClock clock;
        ResultCache timed(CacheOptions{{}, 64 << 20, 0, clock.fn()});
        QVERIFY(!timed.store(key(21), makeResult(1), 20, {}, adaptive));  // too fast to be worth caching
        QVERIFY(timed.store(key(21), makeResult(1), 300, {}, adaptive));  // kept avg(20, 300) x 0.1 = 16 ms
        clock.advance(15);
        QVERIFY(timed.lookup(key(21), *w_));
        clock.advance(1);
        QVERIFY(!timed.lookup(key(21), *w_));                    // expired at 16 ms
        QCOMPARE(timed.stats().memoryEntries, std::int64_t(0));  // and dropped

        QCOMPARE(adaptive.keepMs(300, 200), std::int64_t(20));
        CachePolicy adaptiveLong;
        QCOMPARE(adaptiveLong.keepMs(1000, 1000), std::int64_t(600000));  // defaults: 1 s run -> 10 min

        QVERIFY(cache.store(key(22), makeResult(1), 1, {}, fixedPolicy(0)) ==
                false);  // a 0 s TTL keeps nothing
        QVERIFY(timed.store(key(23), makeResult(1), 1, {}, fixedPolicy(60)));
        clock.advance(59999);
        QVERIFY(timed.lookup(key(23), *w_));
        clock.advance(1);
        QVERIFY(!timed.lookup(key(23), *w_));
    }

    // docs/questions.md: "The canonical key bytes are stored in the entry and compared on lookup,
    // so a hash collision cannot serve a wrong answer". A file named for key B that holds key A's
    // entry is what a SHA-1 collision would look like on disk: B must miss.
    void keysAreComparedOnLookup() {
        const std::string dir = ws_.file(".deskbase/cache-collision");
        {
            ResultCache cache(CacheOptions{dir, 64 << 20, 64 << 20, {}});
            QVERIFY(cache.store(key(40), makeResult(3), 5, {}, fixedPolicy()));
        }
        std::filesystem::rename(dir + "/" + key(40).digest() + ".dbrc",
                                dir + "/" + key(41).digest() + ".dbrc");
        ResultCache reopened(CacheOptions{dir, 64 << 20, 64 << 20, {}});
        QCOMPARE(reopened.stats().diskEntries, std::int64_t(1));
        QVERIFY(!reopened.lookup(key(41), *w_));
        QVERIFY(!reopened.lookup(key(40), *w_));  // and A is not found under B's name either
    }

    // docs/questions.md: "a crash leaves a *.part (or an older version's *.tmp) removed at the next
    // start".
    void leftoverTempFilesAreRemovedAtStart_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("atomic file") << ".part";
        QTest::newRow("older version") << ".tmp4242.7";
    }
    void leftoverTempFilesAreRemovedAtStart() {
        QFETCH(QString, suffix);
        const std::string dir = ws_.file(".deskbase/cache-crashed" + suffix.toStdString());
        std::filesystem::create_directories(dir);
        const std::string left = suffix.startsWith(QStringLiteral(".part"))
                                     ? dir + "/." + key(50).digest() + ".dbrc.0123456789abcdef.part"
                                     : dir + "/" + key(50).digest() + ".dbrc" + suffix.toStdString();
        std::ofstream(left) << "half an entry";
        QVERIFY(std::filesystem::exists(left));
        ResultCache cache(CacheOptions{dir, 64 << 20, 64 << 20, {}});
        QVERIFY(!std::filesystem::exists(left));
        QCOMPARE(cache.stats().diskEntries, std::int64_t(0));
    }

    // docs/questions.md: "An entry larger than the whole tier is simply not kept in memory."
    void entryLargerThanTheMemoryTierIsNotKeptThere() {
        ResultCache memoryOnly(CacheOptions{{}, 10000, 0, {}});  // makeResult(100) is 18,872 bytes
        QVERIFY(memoryOnly.store(key(60), makeResult(100), 5, {}, fixedPolicy()));
        QCOMPARE(memoryOnly.stats().memoryEntries, std::int64_t(0));
        QCOMPARE(memoryOnly.stats().memoryBytes, std::int64_t(0));
        QVERIFY(!memoryOnly.lookup(key(60), *w_));
        // A smaller entry still fits, and the big one did not push it out.
        QVERIFY(memoryOnly.store(key(61), makeResult(10), 5, {}, fixedPolicy()));
        QVERIFY(memoryOnly.lookup(key(61), *w_));
        // With a disk tier the big entry is served from disk.
        const std::string dir = ws_.file(".deskbase/cache-big-entry");
        ResultCache withDisk(CacheOptions{dir, 10000, 64 << 20, {}});
        QVERIFY(withDisk.store(key(62), makeResult(100), 5, {}, fixedPolicy()));
        QCOMPARE(withDisk.stats().memoryEntries, std::int64_t(0));
        QVERIFY(withDisk.lookup(key(62), *w_));
        QCOMPARE(withDisk.stats().diskHits, std::uint64_t(1));
    }

    // A store whose run began before a purge (its epoch) is refused.
    void storeFromBeforeAPurgeIsRefused() {
        ResultCache cache;
        const std::uint64_t before = cache.epoch();
        cache.purge();
        QCOMPARE(cache.epoch(), before + 1);
        QVERIFY(!cache.store(key(70), makeResult(2), 5, {}, fixedPolicy(), before));
        QVERIFY(!cache.lookup(key(70), *w_));
        QVERIFY(cache.store(key(70), makeResult(2), 5, {}, fixedPolicy(), cache.epoch()));
        QVERIFY(cache.lookup(key(70), *w_));
    }

    void purgeEmptiesBothTiers() {
        const std::string dir = ws_.file(".deskbase/cache-purge");
        ResultCache cache(CacheOptions{dir, 64 << 20, 64 << 20, {}});
        QVERIFY(cache.store(key(30), makeResult(10), 5, {}, fixedPolicy()));
        QVERIFY(cache.store(key(31), makeResult(10), 5, {}, fixedPolicy()));
        cache.purge();
        const auto s = cache.stats();
        QCOMPARE(s.memoryEntries + s.diskEntries, std::int64_t(0));
        QCOMPARE(s.memoryBytes + s.diskBytes, std::int64_t(0));
        QVERIFY(std::filesystem::is_empty(dir));
        QVERIFY(!cache.lookup(key(30), *w_));
    }
};

QTEST_GUILESS_MAIN(ResultCacheTest)
#include "result_cache_test.moc"
