// The scanner tokenize() tries first (FastScan.cpp).
#ifndef CASCADE_CHECKER_FASTSCAN_H
#define CASCADE_CHECKER_FASTSCAN_H

#include "Tokens.h"

namespace cascade {

/// The shortcuts taken for speed (this scanner; checking statements that cannot change the
/// catalog for syntax errors only, without reading their parse trees; passing over bodies that
/// cannot hold a table definition; leaving a set's dialect to the worker that checks it):
///  - On: the default;
///  - Off (CASCADE_TIDY_REFERENCE=1): libpg_query's scanner and a parse tree for every
///    statement, the reference the shortcuts must agree with byte for byte;
///  - Verify (CASCADE_TIDY_VERIFY_FAST=1): both, aborting on the first difference.
enum class FastPaths { On, Off, Verify };
FastPaths fastPaths();

/// The tokens libpg_query's scanner gives for Text, or nullopt when Text holds something this
/// scanner leaves to libpg_query (see FastScan.cpp).
std::optional<TokenStream> scanFast(llvm::StringRef Text, size_t Base);

} // namespace cascade

#endif
