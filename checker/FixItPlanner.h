// Edits that change a REFERENCES clause's ON DELETE action at a grammar-legal spot.
#ifndef CASCADE_CHECKER_FIXITPLANNER_H
#define CASCADE_CHECKER_FIXITPLANNER_H

#include "Finding.h"
#include "ForeignKey.h"

#include <string>
#include <vector>

namespace cascade {

/// Replaces an existing ON DELETE action's words, or inserts ` ON DELETE <action>` after the
/// column list / table name / MATCH clause / ON UPDATE action, never after DEFERRABLE or NOT VALID.
/// The new words follow the spelling case of the clause they join. An insertion starts with a
/// blank and ends with one unless a blank, `,`, `)` or `;` follows: the result never glues to the
/// next token, and replaced action words sit where the old ones did.
Edit planOnDelete(const ReferencesClause &Ref, Action NewAction);

/// Applies non-overlapping edits (sorted by offset; an edit overlapping an earlier one is
/// skipped). Returns the number applied.
size_t applyEdits(std::string &Text, std::vector<Edit> Edits);

/// The edits that fixing every fixable finding (a warning or note with edits) applies, sorted by
/// offset, each once. A finding whose edit overlaps an earlier finding's keeps none of its edits.
/// Fixed[I] says whether finding I's edits are all in; Offered counts the fixable findings.
std::vector<Edit> selectFixEdits(const std::vector<Finding> &Findings, std::vector<bool> &Fixed,
                                 unsigned &Offered);

} // namespace cascade

#endif
