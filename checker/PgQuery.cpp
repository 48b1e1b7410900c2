#include "PgQuery.h"

#include <pg_query/pg_query.pb-c.h>

namespace cascade {

ScanResult::ScanResult(const std::string &NulTerminated)
    : Raw(pg_query_scan(NulTerminated.c_str())) {
  if (!Raw.error)
    Unpacked = pg_query__scan_result__unpack(
        nullptr, Raw.pbuf.len, reinterpret_cast<const uint8_t *>(Raw.pbuf.data));
}

ScanResult::ScanResult(ScanResult &&O) noexcept
    : Raw(O.Raw), Unpacked(O.Unpacked), Owns(O.Owns) {
  O.Owns = false;
}

ScanResult::~ScanResult() {
  if (!Owns)
    return;
  if (Unpacked)
    pg_query__scan_result__free_unpacked(Unpacked, nullptr);
  pg_query_free_scan_result(Raw);
}

} // namespace cascade
