#include "Connection.h"
#include "SourceText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <set>

namespace cascade {

namespace {

struct Span {
  size_t Begin, End;
};

bool isUri(llvm::StringRef S) {
  return S.starts_with("postgresql://") || S.starts_with("postgres://");
}

std::string percentDecode(llvm::StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '%' && I + 2 < S.size() && llvm::isHexDigit(S[I + 1]) &&
        llvm::isHexDigit(S[I + 2])) {
      Out += static_cast<char>(llvm::hexFromNibbles(S[I + 1], S[I + 2]));
      I += 2;
    } else {
      Out += S[I];
    }
  }
  return Out;
}

void scanUri(llvm::StringRef S, std::vector<Span> &Spans, std::vector<std::string> &Values);

/// The spans (raw text) and values (as libpq unquotes them) of every `password` keyword in the
/// keyword/value form, following libpq's rules: a value is single-quoted or runs to the next
/// white space, and a backslash escapes the next character in both.
void scanKeywordForm(llvm::StringRef S, std::vector<Span> &Spans,
                     std::vector<std::string> &Values) {
  size_t I = 0, N = S.size();
  auto SkipSpace = [&] {
    while (I < N && llvm::isSpace(S[I]))
      ++I;
  };
  while (true) {
    SkipSpace();
    if (I >= N)
      return;
    size_t KeyBegin = I;
    while (I < N && !llvm::isSpace(S[I]) && S[I] != '=')
      ++I;
    llvm::StringRef Key = S.slice(KeyBegin, I);
    SkipSpace();
    if (I >= N || S[I] != '=')
      return;
    ++I;
    SkipSpace();
    size_t ValueBegin = I;
    std::string Value;
    bool Quoted = I < N && S[I] == '\'';
    if (Quoted)
      ++I;
    while (I < N) {
      if (S[I] == '\\' && I + 1 < N) {
        Value += S[I + 1];
        I += 2;
        continue;
      }
      if (Quoted ? S[I] == '\'' : llvm::isSpace(S[I]))
        break;
      Value += S[I++];
    }
    if (Quoted && I < N)
      ++I; // the closing quote
    if (Key.equals_insensitive("password")) {
      Spans.push_back({ValueBegin, I});
      Values.push_back(Value);
    } else if (Key.equals_insensitive("dbname") && isUri(Value)) {
      // A URL given as dbname: its password is a secret too (its spans are relative to the
      // value, so the display hides the whole value).
      std::vector<Span> Inner;
      size_t Before = Values.size();
      scanUri(Value, Inner, Values);
      if (Values.size() > Before)
        Spans.push_back({ValueBegin, I});
    }
  }
}

/// In a URL: from the first `:` of the userinfo to the last `@` (tolerant of unencoded `@`
/// and `/` in the password), and each `password=` query value.
void scanUri(llvm::StringRef S, std::vector<Span> &Spans, std::vector<std::string> &Values) {
  size_t Start = S.find("://") + 3;
  size_t LastAt = S.rfind('@');
  if (LastAt != llvm::StringRef::npos && LastAt >= Start) {
    size_t Colon = S.find(':', Start);
    if (Colon < LastAt) {
      Spans.push_back({Colon + 1, LastAt});
      Values.push_back(S.slice(Colon + 1, LastAt).str());
    }
  }
  for (size_t At = S.find_insensitive("password=", Start); At != llvm::StringRef::npos;
       At = S.find_insensitive("password=", At + 1)) {
    if (At == 0 || (S[At - 1] != '?' && S[At - 1] != '&'))
      continue;
    size_t Begin = At + 9, End = std::min(S.find('&', Begin), S.size());
    Spans.push_back({Begin, End});
    Values.push_back(S.slice(Begin, End).str());
  }
}

} // namespace

SecretRedactor::SecretRedactor(const std::string &ConnInfo) {
  llvm::StringRef S(ConnInfo);
  std::vector<Span> Spans;
  std::vector<std::string> Values;
  if (isUri(S))
    scanUri(S, Spans, Values);
  else
    scanKeywordForm(S, Spans, Values);
  for (const std::string &V : Values) {
    addSecret(V);
    addSecret(percentDecode(V));
  }
  if (const char *Env = std::getenv("PGPASSWORD"))
    addSecret(Env);
  char *Error = nullptr;
  if (PQconninfoOption *Opts = PQconninfoParse(ConnInfo.c_str(), &Error)) {
    for (PQconninfoOption *O = Opts; O->keyword; ++O)
      if (llvm::StringRef(O->keyword) == "password" && O->val)
        addSecret(O->val);
    PQconninfoFree(Opts);
  } else {
    ParseError = Error ? Error : "invalid connection string";
  }
  PQfreemem(Error);
  llvm::sort(Secrets, [](const std::string &A, const std::string &B) {
    return A.size() != B.size() ? A.size() > B.size() : A < B;
  });
  Secrets.erase(std::unique(Secrets.begin(), Secrets.end()), Secrets.end());

  llvm::sort(Spans, [](const Span &A, const Span &B) { return A.Begin < B.Begin; });
  size_t At = 0;
  for (const Span &Sp : Spans) {
    if (Sp.End <= At && At > 0)
      continue;
    Display += S.slice(At, std::max(At, Sp.Begin)).str() + "***";
    At = std::max(At, Sp.End);
  }
  Display += S.substr(At).str();
  // Only whole copies here: the display is one long word, and the piece rules below are for
  // libpq's messages.
  Display = replaceWhole(Display);
  ParseError = redact(ParseError);
}

void SecretRedactor::addSecret(std::string S) {
  if (!S.empty())
    Secrets.push_back(std::move(S));
}

/// Word is a piece of a secret: all of it lies inside one, or it shares Gram bytes in a row
/// with one (fewer for a shorter secret).
bool SecretRedactor::tainted(llvm::StringRef Word, size_t Gram) const {
  if (Word.empty() || Word == "***")
    return false;
  for (const std::string &Secret : Secrets) {
    llvm::StringRef Sec(Secret);
    if (Sec.contains(Word))
      return true;
    size_t K = std::min(Gram, Sec.size());
    for (size_t I = 0; I + K <= Word.size(); ++I)
      if (Sec.contains(Word.substr(I, K)))
        return true;
  }
  return false;
}

std::string SecretRedactor::replaceWhole(llvm::StringRef Text) const {
  std::string Out = Text.str();
  for (const std::string &Secret : Secrets)
    for (size_t At = 0; (At = Out.find(Secret, At)) != std::string::npos; At += 3)
      Out.replace(At, Secret.size(), "***");
  return Out;
}

std::string SecretRedactor::redact(llvm::StringRef Text) const {
  if (Secrets.empty())
    return Text.str();
  // 1. Every whole copy of a secret, longest first.
  std::string Out = replaceWhole(Text);
  // 2. libpq and the server quote the values they complain about ("invalid integer value
  //    \"SE\"", "database \"CRET@host\" does not exist"): a quoted value that is a piece of a
  //    secret goes. 3. Unquoted numbers (a port, an address: digits, '.' and ':') likewise.
  std::string Result;
  size_t I = 0, N = Out.size();
  while (I < N) {
    if (Out[I] == '"') {
      size_t Close = Out.find('"', I + 1);
      if (Close == std::string::npos)
        Close = N;
      llvm::StringRef Inner = llvm::StringRef(Out).slice(I + 1, Close);
      Result += '"';
      Result += tainted(Inner, 3) ? std::string("***") : Inner.str();
      if (Close < N)
        Result += '"';
      I = Close + 1;
      continue;
    }
    auto WordChar = [](char C) {
      return !llvm::isSpace(C) && C != '"' && C != '(' && C != ')' && C != ',' && C != ';';
    };
    if (!WordChar(Out[I])) {
      Result += Out[I++];
      continue;
    }
    size_t Begin = I;
    while (I < N && WordChar(Out[I]))
      ++I;
    llvm::StringRef Word = llvm::StringRef(Out).slice(Begin, I);
    llvm::StringRef Core = Word.rtrim(":.");
    bool Numeric = llvm::any_of(Core, llvm::isDigit) &&
                   llvm::all_of(Core, [](char C) { return llvm::isDigit(C) || C == '.' || C == ':'; });
    if (Numeric && tainted(Core, 2))
      Result += "***" + Word.substr(Core.size()).str();
    else
      Result += Word.str();
  }
  return Result;
}

llvm::Expected<std::unique_ptr<DbConnection>> DbConnection::open(const std::string &ConnInfo) {
  SecretRedactor Redactor(ConnInfo);
  if (!Redactor.parseError().empty())
    return llvm::createStringError("invalid --db connection string " + Redactor.display() + ": " +
                                   llvm::StringRef(Redactor.parseError()).rtrim().str());
  PGconn *C = PQconnectdb(ConnInfo.c_str());
  std::unique_ptr<DbConnection> D(new DbConnection(C, std::move(Redactor)));
  if (!C || PQstatus(C) != CONNECTION_OK)
    return llvm::createStringError("cannot connect to " + D->Redactor.display() + ": " +
                                   D->lastError());
  // Server notices go to stderr redacted and on one line, never through libpq's printer.
  PQsetNoticeProcessor(
      C,
      [](void *Arg, const char *Message) {
        auto *Self = static_cast<DbConnection *>(Arg);
        llvm::errs() << "cascade-migrate: notice: "
                     << escapeControl(llvm::StringRef(Self->Redactor.redact(Message)).rtrim())
                     << "\n";
      },
      D.get());
  if (PQsetClientEncoding(C, "UTF8") != 0)
    return llvm::createStringError("cannot set the client encoding to UTF8 on " +
                                   D->Redactor.display() + ": " + D->lastError());
  return D;
}

DbConnection::~DbConnection() {
  if (Conn)
    PQfinish(Conn);
}

std::string DbConnection::lastError() const {
  return llvm::StringRef(Redactor.redact(Conn ? PQerrorMessage(Conn) : "out of memory"))
      .rtrim()
      .str();
}

Result DbConnection::run(const std::string &Sql, const std::vector<std::string> &Params) {
  std::vector<const char *> Values;
  for (const std::string &P : Params)
    Values.push_back(P.c_str());
  return Result(PQexecParams(Conn, Sql.c_str(), static_cast<int>(Values.size()), nullptr,
                             Values.empty() ? nullptr : Values.data(), nullptr, nullptr, 0));
}

llvm::Expected<Result> DbConnection::exec(const std::string &Sql, ExecStatusType Want,
                                          const std::vector<std::string> &Params) {
  Result R = run(Sql, Params);
  if (PQresultStatus(R.get()) != Want)
    return llvm::createStringError("query failed on " + Redactor.display() + ": " + lastError());
  return R;
}

} // namespace cascade
