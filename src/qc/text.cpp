#include "qc/text.h"

#include <algorithm>

namespace gep::qc {
namespace {

enum class CharKind { separator, lower, upper, digit };

struct Scanned {
  CharKind kind = CharKind::separator;
  size_t length = 1;       // bytes of this character
  char folded_second = 0;  // folded second byte of a two-byte letter
};

bool is_continuation(unsigned char byte) {
  return byte >= 0x80 && byte <= 0xBF;
}

Scanned scan(std::string_view text, size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte >= 'a' && byte <= 'z') return {CharKind::lower, 1, 0};
  if (byte >= 'A' && byte <= 'Z') return {CharKind::upper, 1, 0};
  if (byte >= '0' && byte <= '9') return {CharKind::digit, 1, 0};
  const bool two_byte_letter_lead = byte == 0xC3 || byte == 0xC4 || byte == 0xC5;
  if (!two_byte_letter_lead || i + 1 >= text.size()) return {};
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if (!is_continuation(second)) return {};
  if (byte == 0xC3) {
    if (second == 0x97 || second == 0xB7) return {};  // × and ÷ are not letters
    if (second <= 0x9E) {                             // À..Þ: fold to à..þ
      return {CharKind::upper, 2, static_cast<char>(second + 0x20)};
    }
  }
  // Latin Extended-A is kept as typed: no keyword uses it, it only must not split words.
  return {CharKind::lower, 2, static_cast<char>(second)};
}

bool starts_new_word(CharKind previous, CharKind current) {
  const bool digit_change = (previous == CharKind::digit) != (current == CharKind::digit);
  const bool camel_hump = previous == CharKind::lower && current == CharKind::upper;
  return digit_change || camel_hump;
}

char fold_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

TokenizedText::TokenizedText(std::string_view text) : text_(text) {
  char* folded = folded_inline_.data();
  if (text.size() > kInlineBytes) {
    folded_heap_.resize(text.size());
    folded = folded_heap_.data();
  }
  folded_ = folded;
  spans_ = spans_inline_.data();

  const auto emit = [this](size_t begin, size_t end) {
    if (count_ < kInlineWords && spans_heap_.empty()) {
      spans_inline_[count_] = {begin, end};
    } else {
      if (spans_heap_.empty()) spans_heap_.assign(spans_inline_.begin(), spans_inline_.end());
      spans_heap_.push_back({begin, end});
      spans_ = spans_heap_.data();
    }
    ++count_;
  };

  size_t word_begin = 0;
  bool in_word = false;
  CharKind previous = CharKind::separator;
  size_t i = 0;
  while (i < text.size()) {
    const Scanned c = scan(text, i);
    if (c.kind == CharKind::separator) {
      folded[i] = ' ';
      if (in_word) emit(word_begin, i);
      in_word = false;
      previous = c.kind;
      ++i;
      continue;
    }
    if (!in_word) {
      word_begin = i;
    } else if (starts_new_word(previous, c.kind)) {
      emit(word_begin, i);
      word_begin = i;
    }
    in_word = true;
    if (c.length == 1) {
      folded[i] = fold_ascii(text[i]);
    } else {
      folded[i] = text[i];
      folded[i + 1] = c.folded_second;
    }
    previous = c.kind;
    i += c.length;
  }
  if (in_word) emit(word_begin, text.size());
}

std::string_view TokenizedText::word(size_t index) const {
  const Span span = spans_[index];
  return {folded_ + span.begin, span.end - span.begin};
}

std::string_view TokenizedText::original(size_t first, size_t last) const {
  const size_t begin = spans_[first].begin;
  return text_.substr(begin, spans_[last].end - begin);
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool same_name(std::string_view a, std::string_view b) {
  a = trim(a);
  b = trim(b);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (fold_ascii(a[i]) != fold_ascii(b[i])) return false;
  }
  return true;
}

void PhraseTable::add(std::string_view phrase, uint32_t tag) {
  const TokenizedText tokens(phrase);
  if (tokens.empty()) return;
  Phrase entry;
  entry.tag = tag;
  for (size_t i = 0; i < tokens.size(); ++i) entry.words.emplace_back(tokens.word(i));
  const auto index = static_cast<uint32_t>(phrases_.size());
  phrases_.push_back(std::move(entry));
  auto& bucket = by_first_word_[phrases_.back().words.front()];
  bucket.push_back(index);
  // Longest first, so the first full match is the longest; ties keep insertion order.
  std::stable_sort(bucket.begin(), bucket.end(), [this](uint32_t left, uint32_t right) {
    return phrases_[left].words.size() > phrases_[right].words.size();
  });
}

PhraseTable::Match PhraseTable::longest_at(const TokenizedText& text, size_t position) const {
  const auto found = by_first_word_.find(text.word(position));
  if (found == by_first_word_.end()) return {};
  for (const uint32_t index : found->second) {
    const Phrase& phrase = phrases_[index];
    if (position + phrase.words.size() > text.size()) continue;
    bool all = true;
    for (size_t k = 1; k < phrase.words.size() && all; ++k) {
      all = text.word(position + k) == phrase.words[k];
    }
    if (all) return {phrase.tag, phrase.words.size()};
  }
  return {};
}

void WordSet::add(std::string_view word_text) {
  const TokenizedText tokens(word_text);
  for (size_t i = 0; i < tokens.size(); ++i) words_.emplace(tokens.word(i));
}

bool WordSet::contains_any(const TokenizedText& text) const {
  if (words_.empty()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (words_.find(text.word(i)) != words_.end()) return true;
  }
  return false;
}

}  // namespace gep::qc
