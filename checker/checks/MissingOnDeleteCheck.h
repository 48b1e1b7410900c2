#ifndef CASCADE_CHECKER_CHECKS_MISSINGONDELETECHECK_H
#define CASCADE_CHECKER_CHECKS_MISSINGONDELETECHECK_H

#include "../Check.h"

namespace cascade {

/// cascade-missing-on-delete: a FK to a root table whose ON DELETE is absent, NO ACTION or
/// RESTRICT (or SET NULL/SET DEFAULT when AllowSetNull is off) blocks deleting the root row.
class MissingOnDeleteCheck : public Check {
public:
  void check(const ForeignKey &FK, const CheckOptions &Opts,
             std::vector<Finding> &Out) const override;
};

} // namespace cascade

#endif
