#pragma once
// Internals of core/triangulate.cpp (ear clipping after mapbox/earcut): the ring node and the
// geometric predicates on it. Not part of the public interface; kept apart to keep each file small.
#include <algorithm>
#include <cstdint>

namespace faro::triangulate_detail {

// A vertex in a circular doubly-linked ring. Rings are kept with earcut's orientation: cross(a, b,
// c) < 0 (see turn()) for a convex corner, i.e. counter-clockwise with y up.
struct Node {
  uint32_t i;   // vertex index in the flattened polygon
  double x, y;  // coordinates relative to the polygon's bbox minimum (better precision)
  Node* prev = nullptr;
  Node* next = nullptr;
  uint32_t z = 0;  // z-order key (only when hashing)
  Node* prev_z = nullptr;
  Node* next_z = nullptr;
  bool steiner = false;
};

// Twice the signed area of (p, q, r) with earcut's sign: negative for a left (convex) turn.
inline double turn(const Node* p, const Node* q, const Node* r) {
  return (q->y - p->y) * (r->x - q->x) - (q->x - p->x) * (r->y - q->y);
}

inline bool same_point(const Node* a, const Node* b) {
  return a->x == b->x && a->y == b->y;
}

inline int sign(double v) {
  return v > 0 ? 1 : (v < 0 ? -1 : 0);
}

inline bool point_in_triangle(double ax, double ay, double bx, double by, double cx, double cy,
                              double px, double py) {
  return (cx - px) * (ay - py) >= (ax - px) * (cy - py) &&
         (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
         (bx - px) * (cy - py) >= (cx - px) * (by - py);
}

// q on segment p-r, given that the three are collinear.
inline bool on_segment(const Node* p, const Node* q, const Node* r) {
  return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) &&
         q->y <= std::max(p->y, r->y) && q->y >= std::min(p->y, r->y);
}

inline bool segments_intersect(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
  const int o1 = sign(turn(p1, q1, p2));
  const int o2 = sign(turn(p1, q1, q2));
  const int o3 = sign(turn(p2, q2, p1));
  const int o4 = sign(turn(p2, q2, q1));
  if (o1 != o2 && o3 != o4) return true;
  if (o1 == 0 && on_segment(p1, p2, q1)) return true;
  if (o2 == 0 && on_segment(p1, q2, q1)) return true;
  if (o3 == 0 && on_segment(p2, p1, q2)) return true;
  if (o4 == 0 && on_segment(p2, q1, q2)) return true;
  return false;
}

// The diagonal a-b lies inside the polygon near a.
inline bool locally_inside(const Node* a, const Node* b) {
  return turn(a->prev, a, a->next) < 0 ? turn(a, b, a->next) >= 0 && turn(a, a->prev, b) >= 0
                                       : turn(a, b, a->prev) < 0 || turn(a, a->next, b) < 0;
}

// The midpoint of a-b is inside the ring (even-odd).
inline bool middle_inside(const Node* a, const Node* b) {
  const Node* p = a;
  bool inside = false;
  const double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
  do {
    if (((p->y > py) != (p->next->y > py)) && p->next->y != p->y &&
        (px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x))
      inside = !inside;
    p = p->next;
  } while (p != a);
  return inside;
}

inline bool intersects_ring(const Node* a, const Node* b) {
  const Node* p = a;
  do {
    if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i &&
        segments_intersect(p, p->next, a, b))
      return true;
    p = p->next;
  } while (p != a);
  return false;
}

inline bool is_valid_diagonal(const Node* a, const Node* b) {
  return a->next->i != b->i && a->prev->i != b->i && !intersects_ring(a, b) &&
         ((locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b) &&
           (turn(a->prev, a, b->prev) != 0 || turn(a, b->prev, b) != 0)) ||
          (same_point(a, b) && turn(a->prev, a, a->next) > 0 && turn(b->prev, b, b->next) > 0));
}

// Bottom-up merge sort of the z list (Simon Tatham's linked-list merge sort).
inline Node* sort_by_z(Node* list) {
  int in_size = 1;
  int merges;
  do {
    Node* p = list;
    list = nullptr;
    Node* tail = nullptr;
    merges = 0;
    while (p) {
      ++merges;
      Node* q = p;
      int p_size = 0;
      for (int k = 0; k < in_size && q; ++k) {
        ++p_size;
        q = q->next_z;
      }
      int q_size = in_size;
      while (p_size > 0 || (q_size > 0 && q)) {
        Node* e;
        if (p_size != 0 && (q_size == 0 || !q || p->z <= q->z)) {
          e = p;
          p = p->next_z;
          --p_size;
        } else {
          e = q;
          q = q->next_z;
          --q_size;
        }
        if (tail)
          tail->next_z = e;
        else
          list = e;
        e->prev_z = tail;
        tail = e;
      }
      p = q;
    }
    tail->next_z = nullptr;
    in_size *= 2;
  } while (merges > 1);
  return list;
}

}  // namespace faro::triangulate_detail
