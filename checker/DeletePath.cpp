#include "DeletePath.h"

#include "llvm/ADT/STLExtras.h"

#include <deque>
#include <map>
#include <set>

namespace cascade {

std::string pathString(const std::vector<QualifiedName> &Path) {
  std::string Out;
  for (const QualifiedName &N : Path)
    Out += (Out.empty() ? "" : " <- ") + N.str();
  return Out;
}

std::vector<DeleteClosure> analyzeDeletePaths(const std::vector<const CatalogForeignKey *> &FKs,
                                              const CheckOptions &Opts,
                                              const NotNullLookup &NotNull,
                                              const PlannedActions *Planned) {
  std::vector<DeleteClosure> Out;
  auto Key = [](const QualifiedName &N) { return N.Schema + "." + N.Name; };
  // Visit FKs in name order, so paths and closures do not depend on where they were read from
  // (migrations or a live catalog).
  std::vector<size_t> Order(FKs.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return std::make_tuple(FKs[A]->Child.Schema, FKs[A]->Child.Name, FKs[A]->Name) <
           std::make_tuple(FKs[B]->Child.Schema, FKs[B]->Child.Name, FKs[B]->Name);
  });
  // Root tables that exist as a parent or child somewhere, in name order.
  for (const RootTable &R : Opts.Roots) {
    std::set<std::string> Seen;
    std::vector<QualifiedName> Candidates;
    for (const CatalogForeignKey *FK : FKs)
      for (const QualifiedName *N : {&FK->Parent, &FK->Child})
        if (R.matches(*N, {}) && Seen.insert(Key(*N)).second)
          Candidates.push_back(*N);
    for (const QualifiedName &RootName : Candidates) {
      DeleteClosure C;
      C.Root = R;
      C.RootName = RootName;
      std::map<std::string, std::vector<QualifiedName>> PathTo;
      PathTo[Key(RootName)] = {RootName};
      std::deque<QualifiedName> Queue{RootName};
      C.Tables.push_back(RootName);
      while (!Queue.empty()) {
        QualifiedName Parent = Queue.front();
        Queue.pop_front();
        for (size_t I : Order) {
          const CatalogForeignKey &FK = *FKs[I];
          if (!(FK.Parent == Parent))
            continue;
          // Only a FK that points at the root's key columns matters for a root-column root.
          if (Parent == RootName && !R.matches(Parent, FK.ParentColumns))
            continue;
          // A FK whose child is the root itself (a self-reference, or a cycle back into the
          // root) must never cascade: that would delete other root rows.
          bool SelfReferenceOnRoot = FK.Child == RootName;
          std::vector<std::string> Nulled =
              FK.SetNullColumns.empty() ? FK.Columns : FK.SetNullColumns;
          bool NullsNotNull = llvm::any_of(
              Nulled, [&](const std::string &Col) { return NotNull(FK.Child, Col); });
          const std::optional<Action> *Plan = nullptr;
          if (Planned && FK.OnDelete != Action::Cascade)
            if (auto It = Planned->find(I); It != Planned->end())
              Plan = &It->second;
          bool Blocks = false;
          if (Plan) {
            // The row survives the delete: its table joins the closure only by another path.
            if (FK.OnDelete == Action::SetNull && !NullsNotNull)
              continue;
            BlockingForeignKey B;
            B.Index = I;
            B.Path = PathTo[Key(Parent)];
            B.Path.push_back(FK.Child);
            B.Direct = Parent == RootName;
            B.Fix = *Plan;
            C.Blocking.push_back(std::move(B));
            continue;
          }
          switch (FK.OnDelete) {
          case Action::Cascade:
            break;
          case Action::SetNull:
            Blocks = NullsNotNull || !Opts.AllowSetNull;
            if (!Blocks)
              continue; // rows stay, their columns go null: not in the closure
            break;
          case Action::SetDefault:
            if (Opts.AllowSetNull)
              continue;
            Blocks = true;
            break;
          case Action::NoAction:
          case Action::Restrict:
            Blocks = true;
            break;
          }
          std::vector<QualifiedName> Path = PathTo[Key(Parent)];
          if (!SelfReferenceOnRoot) {
            C.Edges.push_back(I);
            Path.push_back(FK.Child);
            if (!PathTo.count(Key(FK.Child))) {
              PathTo[Key(FK.Child)] = Path;
              C.Tables.push_back(FK.Child);
              Queue.push_back(FK.Child);
            }
          } else {
            Path.push_back(FK.Child);
          }
          if (!Blocks)
            continue;
          BlockingForeignKey B;
          B.Index = I;
          B.Path = std::move(Path);
          B.Direct = Parent == RootName;
          B.ChildIsRoot = SelfReferenceOnRoot;
          bool ChildNotNull = llvm::any_of(
              FK.Columns, [&](const std::string &Col) { return NotNull(FK.Child, Col); });
          if (!SelfReferenceOnRoot)
            B.Fix = Action::Cascade; // a self-reference on another table may cascade
          else if (!ChildNotNull)
            B.Fix = Action::SetNull; // cascading would delete other users
          if (SelfReferenceOnRoot && FK.OnDelete == Action::SetNull && !NullsNotNull)
            continue;
          C.Blocking.push_back(std::move(B));
        }
      }
      std::sort(C.Tables.begin() + 1, C.Tables.end(),
                [](const QualifiedName &A, const QualifiedName &B) {
                  return std::tie(A.Schema, A.Name) < std::tie(B.Schema, B.Name);
                });
      llvm::sort(C.Blocking, [&](const BlockingForeignKey &A, const BlockingForeignKey &B) {
        const CatalogForeignKey &X = *FKs[A.Index], &Y = *FKs[B.Index];
        return std::make_tuple(X.Child.Schema, X.Child.Name, X.Name) <
               std::make_tuple(Y.Child.Schema, Y.Child.Name, Y.Name);
      });
      Out.push_back(std::move(C));
    }
  }
  return Out;
}

} // namespace cascade
