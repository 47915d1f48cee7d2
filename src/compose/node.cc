#include "compose/node.h"

namespace pf::compose {

const MapEntry* Node::FindEntry(std::string_view key) const {
  for (const MapEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const Node* Node::Find(std::string_view key) const {
  const MapEntry* e = FindEntry(key);
  return e != nullptr ? &e->value : nullptr;
}

Node* Node::FindMutable(std::string_view key) {
  for (MapEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

}  // namespace pf::compose
