// Move-only owners for libpg_query results: each frees its result whatever happened.
#ifndef CASCADE_CHECKER_PGQUERY_H
#define CASCADE_CHECKER_PGQUERY_H

#include <pg_query.h>
#include <string>

struct PgQuery__ScanResult;

namespace cascade {

template <typename Result, void (*Free)(Result)> class PgResult {
public:
  explicit PgResult(Result R) : R(R), Owns(true) {}
  PgResult(PgResult &&O) noexcept : R(O.R), Owns(O.Owns) { O.Owns = false; }
  PgResult &operator=(PgResult &&) = delete;
  PgResult(const PgResult &) = delete;
  ~PgResult() {
    if (Owns)
      Free(R);
  }
  const Result &get() const { return R; }
  const Result *operator->() const { return &R; }

private:
  Result R;
  bool Owns;
};

using ParseResult = PgResult<PgQueryParseResult, pg_query_free_parse_result>;
using SplitResult = PgResult<PgQuerySplitResult, pg_query_free_split_result>;

/// pg_query_scan plus the unpacked protobuf; both are freed together.
class ScanResult {
public:
  explicit ScanResult(const std::string &NulTerminated);
  ScanResult(ScanResult &&O) noexcept;
  ScanResult(const ScanResult &) = delete;
  ~ScanResult();
  const PgQueryError *error() const { return Raw.error; }
  const PgQuery__ScanResult *tokens() const { return Unpacked; }

private:
  PgQueryScanResult Raw;
  PgQuery__ScanResult *Unpacked = nullptr;
  bool Owns = true;
};

inline ParseResult parseJson(const std::string &NulTerminated) {
  return ParseResult(pg_query_parse(NulTerminated.c_str()));
}

/// libpg_query's parser without its JSON output: only whether (and where) the text has a
/// syntax error.
inline SplitResult checkSyntax(const std::string &NulTerminated) {
  return SplitResult(pg_query_split_with_parser(NulTerminated.c_str()));
}

} // namespace cascade

#endif
