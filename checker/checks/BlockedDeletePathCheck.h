#ifndef CASCADE_CHECKER_CHECKS_BLOCKEDDELETEPATHCHECK_H
#define CASCADE_CHECKER_CHECKS_BLOCKEDDELETEPATHCHECK_H

#include "../Check.h"

namespace cascade {

/// cascade-blocked-delete-path: a FK into a table that a root delete cascades into, which does
/// not cascade itself, so the delete still fails (candidate_actions -> decisions -> users).
/// Needs the delete-path analysis of a catalog: the front end fills ForeignKey::BlockedPath.
class BlockedDeletePathCheck : public Check {
public:
  void check(const ForeignKey &FK, const CheckOptions &Opts,
             std::vector<Finding> &Out) const override;
};

} // namespace cascade

#endif
