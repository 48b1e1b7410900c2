#ifndef CASCADE_CHECKER_CHECKS_SETNULLNOTNULLCHECK_H
#define CASCADE_CHECKER_CHECKS_SETNULLNOTNULLCHECK_H

#include "../Check.h"

namespace cascade {

/// cascade-set-null-not-null: ON DELETE SET NULL on a NOT NULL column is accepted as DDL and
/// fails with a not-null violation when the referenced row is deleted.
class SetNullNotNullCheck : public Check {
public:
  void check(const ForeignKey &FK, const CheckOptions &Opts,
             std::vector<Finding> &Out) const override;
};

} // namespace cascade

#endif
