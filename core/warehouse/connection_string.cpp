#include "core/warehouse/connection_string.h"

#include <libpq-fe.h>

#include <QByteArray>
#include <optional>
#include <utility>
#include <vector>

#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

using Options = std::vector<std::pair<std::string, std::string>>;  // set keywords, libpq's order

std::optional<Options> parse(const std::string& target) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(target.c_str(), &error);
    if (error) PQfreemem(error);
    if (!options) return std::nullopt;
    Options out;
    for (const PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val) out.emplace_back(o->keyword, o->val);
    PQconninfoFree(options);
    return out;
}

const std::string* find(const Options& options, const std::string& keyword) {
    for (const auto& [k, v] : options)
        if (k == keyword) return &v;
    return nullptr;
}

std::string keywordValue(const std::string& value) {
    const bool plain = !value.empty() && value.find_first_of(" \t\n\r\f\v'\\") == std::string::npos;
    if (plain) return value;
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

std::string keywordForm(const Options& options) {
    std::string out;
    for (const auto& [k, v] : options) out += (out.empty() ? "" : " ") + k + "=" + keywordValue(v);
    return out;
}

std::string encoded(const std::string& s) {
    return QByteArray::fromStdString(s).toPercentEncoding().toStdString();
}

// postgresql://[user@][host[:port]][/dbname][?key=value&...]. Several hosts or a socket folder
// go to the query string, where libpq reads them the same way.
std::string uriForm(const std::string& scheme, const Options& options) {
    const std::string* user = find(options, "user");
    const std::string* host = find(options, "host");
    const std::string* port = find(options, "port");
    const std::string* dbname = find(options, "dbname");
    const bool hostInAuthority = host && !host->empty() && host->find(',') == std::string::npos &&
                                 host->front() != '/' && (!port || port->find(',') == std::string::npos);
    std::string out = scheme;
    if (user) out += encoded(*user) + "@";
    if (hostInAuthority) {
        out += host->find(':') != std::string::npos ? "[" + *host + "]" : encoded(*host);
        if (port) out += ":" + encoded(*port);
    }
    if (dbname) out += "/" + encoded(*dbname);
    char separator = '?';
    for (const auto& [k, v] : options) {
        if (k == "user" || k == "dbname" || (hostInAuthority && (k == "host" || k == "port"))) continue;
        out += separator + k + "=" + encoded(v);
        separator = '&';
    }
    return out;
}

}  // namespace

std::string targetWithoutPassword(const std::string& target) {
    if (!Warehouse::isPostgresTarget(target)) return target;
    auto options = parse(target);
    if (!options || !find(*options, "password")) return target;
    std::erase_if(*options, [](const auto& o) { return o.first == "password"; });
    const std::size_t scheme = target.find("://");
    if (target.rfind("postgres", 0) != 0 || scheme == std::string::npos) return keywordForm(*options);
    const std::string uri = uriForm(target.substr(0, scheme + 3), *options);
    // libpq must read the URI back as the same options; if it does not, keywords say it exactly.
    return parse(uri) == options ? uri : keywordForm(*options);
}

}  // namespace deskbase
