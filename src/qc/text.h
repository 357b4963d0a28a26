#pragma once
// Word-level matching of the short labels people type into JobNimbus (photo captions, file
// names, custom file types). Labels are split into words so that matching is by whole word:
// "afternoon" never matches "after", "pre-install", "pre_install" and "Pre Install" are the same
// two words. Hot paths (100,000 jobs per evaluate-all) tokenize on the stack and never allocate
// for labels under a few hundred bytes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gep::qc {

// Word rules (documented here because the keyword tables depend on them):
// - ASCII letters and digits are word characters; letters are folded to lower case.
// - UTF-8 letters of Latin-1 and Latin Extended-A ("é", "Ñ", "ł") are word characters too, and
//   Latin-1 capitals are folded ("DESPUÉS" == "después"); any other byte (punctuation, "_",
//   "-", emoji, symbols, CJK) separates words.
// - A word also ends where a lower-case letter meets a capital ("AfterInstall" → after, install)
//   and where letters meet digits ("after2", "IMG1234" → after 2, img 1234).
class TokenizedText {
 public:
  explicit TokenizedText(std::string_view text);
  TokenizedText(const TokenizedText&) = delete;  // holds pointers into itself
  TokenizedText& operator=(const TokenizedText&) = delete;

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // The folded (lower-case) form of word `index`.
  std::string_view word(size_t index) const;
  // The original text from the first byte of word `first` to the last byte of word `last`
  // (inclusive), for quoting evidence back to people exactly as they typed it.
  std::string_view original(size_t first, size_t last) const;

 private:
  struct Span {
    size_t begin = 0;
    size_t end = 0;
  };
  static constexpr size_t kInlineBytes = 256;
  static constexpr size_t kInlineWords = 48;

  std::string_view text_;
  std::array<char, kInlineBytes> folded_inline_{};
  std::string folded_heap_;
  std::array<Span, kInlineWords> spans_inline_{};
  std::vector<Span> spans_heap_;
  const char* folded_ = nullptr;
  const Span* spans_ = nullptr;
  size_t count_ = 0;
};

// Case-insensitive (ASCII) equality after trimming spaces: how status and type names compare.
bool same_name(std::string_view a, std::string_view b);
std::string_view trim(std::string_view text);

// Phrases of one or more words, each carrying a caller-defined tag. Phrases are tokenized with
// the same rules as the text they are matched against, so "pre-install" and "pre install" are
// one phrase. Built once; lookups allocate nothing.
class PhraseTable {
 public:
  struct Match {
    uint32_t tag = 0;
    size_t words = 0;  // 0 when nothing matched
  };

  void add(std::string_view phrase, uint32_t tag);
  // The longest phrase that starts at word `position`.
  Match longest_at(const TokenizedText& text, size_t position) const;
  size_t phrase_count() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> words;
    uint32_t tag = 0;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<Phrase> phrases_;
  // First word → indices of phrases starting with it, longest first.
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_first_word_;
};

// A set of single words (folded), e.g. words that disqualify a document ("draft").
class WordSet {
 public:
  void add(std::string_view word_text);
  bool contains_any(const TokenizedText& text) const;
  bool empty() const { return words_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace gep::qc
