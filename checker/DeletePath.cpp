#include "DeletePath.h"

#include "llvm/ADT/STLExtras.h"

#include <deque>
#include <map>
#include <set>
#include <unordered_map>

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
    // std::tie: make_tuple would copy three strings per comparison.
    return std::tie(FKs[A]->Child.Schema, FKs[A]->Child.Name, FKs[A]->Name) <
           std::tie(FKs[B]->Child.Schema, FKs[B]->Child.Name, FKs[B]->Name);
  });
  // Each table's referencing FKs, in that order: a table's visit costs its own FKs only.
  std::unordered_map<std::string, std::vector<size_t>> ByParent;
  for (size_t I : Order)
    ByParent[Key(FKs[I]->Parent)].push_back(I);
  static const std::vector<size_t> None;
  auto Referencing = [&](const QualifiedName &Parent) -> const std::vector<size_t> & {
    auto It = ByParent.find(Key(Parent));
    return It == ByParent.end() ? None : It->second;
  };
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
      // Each reached table's predecessor on its shortest path (paths are rebuilt only for the
      // FKs that block: storing every table's whole path costs quadratic memory on a chain).
      std::unordered_map<std::string, QualifiedName> Predecessor;
      Predecessor[Key(RootName)] = {};
      auto PathTo = [&](const QualifiedName &Table) {
        std::vector<QualifiedName> Path{Table};
        for (QualifiedName At = Table; !(At == RootName);) {
          At = Predecessor[Key(At)];
          Path.push_back(At);
        }
        std::reverse(Path.begin(), Path.end());
        return Path;
      };
      // Key I from Parent blocks the delete: where it sits on the walk from the root.
      auto Blocking = [&](size_t I, const QualifiedName &Parent) {
        BlockingForeignKey B;
        B.Index = I;
        B.Path = PathTo(Parent);
        B.Path.push_back(FKs[I]->Child);
        B.Direct = Parent == RootName;
        B.ChildIsRoot = FKs[I]->Child == RootName;
        return B;
      };
      std::deque<QualifiedName> Queue{RootName};
      C.Tables.push_back(RootName);
      while (!Queue.empty()) {
        QualifiedName Parent = Queue.front();
        Queue.pop_front();
        for (size_t I : Referencing(Parent)) {
          const CatalogForeignKey &FK = *FKs[I];
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
            BlockingForeignKey B = Blocking(I, Parent);
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
          if (!SelfReferenceOnRoot) {
            C.Edges.push_back(I);
            if (Predecessor.try_emplace(Key(FK.Child), Parent).second) {
              C.Tables.push_back(FK.Child);
              Queue.push_back(FK.Child);
            }
          }
          if (!Blocks)
            continue;
          BlockingForeignKey B = Blocking(I, Parent);
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
        return std::tie(X.Child.Schema, X.Child.Name, X.Name) <
               std::tie(Y.Child.Schema, Y.Child.Name, Y.Name);
      });
      Out.push_back(std::move(C));
    }
  }
  return Out;
}

} // namespace cascade
