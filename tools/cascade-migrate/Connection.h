// A libpq connection whose every message is free of the password, whatever the shape of the
// connection string (docs/cascade-migrate.md#passwords).
#ifndef CASCADE_MIGRATE_CONNECTION_H
#define CASCADE_MIGRATE_CONNECTION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <libpq-fe.h>
#include <memory>
#include <string>
#include <vector>

namespace cascade {

/// Knows every spelling of the password in a connection string and removes it, and any piece
/// of it, from text. Found two ways, so that a string libpq itself misreads is covered too:
/// libpq's own parse (PQconninfoParse), and a tolerant scan of the raw text (keyword `password`
/// values with libpq's quoting and escapes; in a URL everything from the first `:` of the
/// userinfo to the LAST `@`, since an unencoded `@` or `/` in a password makes libpq read a
/// piece of it as the host, port or database; `?password=` / `&password=` values; raw and
/// percent-decoded). PGPASSWORD's value counts as a secret too.
class SecretRedactor {
public:
  explicit SecretRedactor(const std::string &ConnInfo);
  /// Text with each secret, and each word or quoted value that is a piece of one, replaced by
  /// `***`. Not escaped: the printer escapes control characters afterwards.
  std::string redact(llvm::StringRef Text) const;
  /// The connection string for messages, password spans replaced by `***`.
  const std::string &display() const { return Display; }
  /// libpq's complaint when it cannot parse the string (redacted); empty when it parses.
  const std::string &parseError() const { return ParseError; }

private:
  void addSecret(std::string S);
  std::string replaceWhole(llvm::StringRef Text) const;
  bool tainted(llvm::StringRef Word, size_t Gram) const;
  std::vector<std::string> Secrets; // longest first
  std::string Display, ParseError;
};

struct ResultDeleter {
  void operator()(PGresult *R) const { PQclear(R); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

class DbConnection {
public:
  /// Connects (client encoding UTF8); errors are redacted.
  static llvm::Expected<std::unique_ptr<DbConnection>> open(const std::string &ConnInfo);
  ~DbConnection();
  PGconn *get() const { return Conn; }
  const SecretRedactor &redactor() const { return Redactor; }
  /// libpq's last error message, redacted, trailing line breaks removed.
  std::string lastError() const;
  /// Runs Sql with text parameters (always bound, never pasted into the text).
  Result run(const std::string &Sql, const std::vector<std::string> &Params = {});
  /// run(), and an error (redacted) unless the result status is Want.
  llvm::Expected<Result> exec(const std::string &Sql, ExecStatusType Want,
                              const std::vector<std::string> &Params = {});

private:
  DbConnection(PGconn *C, SecretRedactor R) : Conn(C), Redactor(std::move(R)) {}
  PGconn *Conn;
  SecretRedactor Redactor;
};

} // namespace cascade

#endif
