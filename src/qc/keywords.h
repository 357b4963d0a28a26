#pragma once
// What a photo's caption or filename says about its category, from the words crews really type.
//
// Vocabulary (whole words, any case, any punctuation between words; see qc/text.h):
//   BEFORE  strong: pre-install, preinstall, pre-installation, pre-construction, preconstruction,
//                   pre-job, pre-existing, existing roof, existing condition(s), site survey,
//                   survey, as-found, asfound, as-is, old roof, original roof, hail/storm/wind
//                   damage, before install(ation)
//           weak:   before, prior, prior to, pre, antes, existing, original, damage, damaged
//   DURING  strong: progress, in progress, work in progress, WIP, racking, rack(s), rail(s),
//                   mounts, mounting, attachments, standoffs, wiring, wire management, conduit,
//                   j-box, jbox, junction box, combiner, trench(ing), rough-in, roughin,
//                   install(ation) day, day of install, mid-install(ation), midinstall, tear off,
//                   tearoff, underlayment, ice and water / ice & water, decking, sheathing,
//                   drip edge, dry-in, progreso
//           weak:   during, durante, installing
//   AFTER   strong: final inspection, inspection passed, passed inspection, PTO, permission to
//                   operate, post-install(ation), postinstall, post-construction, after
//                   install(ation), after completion, commissioning, commissioned, as-built,
//                   asbuilt
//           weak:   after, después, despues, final, complete(d), completion, finished, finish,
//                   done, installed, terminado, completado
//   grammar only:   post (a preposition like "after"), not / no / never (negation)
//
// Resolution, in order:
// 1. At each word the longest phrase wins ("pre install" beats "pre", "final inspection" beats
//    "final").
// 2. A negation (not, no, never) directly before a keyword cancels it: "not finished" says nothing.
// 3. "before/prior (to)/pre/antes X" and "after/post/después X", where X is a keyword at most one
//    word later, are prepositions describing X: "before tear-off" and "before racking" are BEFORE
//    (the state before the work); "after racking" and "after tear off" are DURING, "after final
//    inspection" is AFTER, "before final inspection" is AFTER (the work is done).
// 4. One strong category decides, whatever weak words say ("racking complete" is DURING, "existing
//    roof after rain" is BEFORE). Without strong words, one weak category decides.
// 5. Two categories at the same strength are a conflict: the label is ambiguous and the classifier
//    moves on to the next source. This is deliberate for comparison shots: "before & after",
//    "before/after" are usually collages made at the end, and counting them as either side would
//    let one picture satisfy a requirement meant for separate photos.
#include <string_view>

#include "qc/category.h"

namespace gep::qc {

struct LabelEvidence {
  enum class Kind { none, decided, ambiguous };
  Kind kind = Kind::none;
  PhotoCategory category = PhotoCategory::uncategorized;  // when decided
  // decided: the deciding words as typed; ambiguous: the first word of each conflicting side.
  std::string_view quote;
  std::string_view other_quote;
};

// Views in the result point into `label`.
LabelEvidence read_label(std::string_view label);

}  // namespace gep::qc
