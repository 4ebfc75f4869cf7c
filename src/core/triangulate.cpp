#include "core/triangulate.hpp"

#include "core/triangulate_detail.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

namespace faro {
namespace {

using namespace triangulate_detail;

class Earcut {
 public:
  explicit Earcut(std::vector<uint32_t>& out) : out_(out) {}

  void run(const Polygon& polygon) {
    Box box;
    for (const Vec2& v : polygon.outer) box.expand(v.x, v.y);
    if (box.empty()) return;
    origin_ = {box.xmin, box.ymin};

    uint32_t next_index = 0;
    Node* outer = ring_list(polygon.outer, next_index, /*outer=*/true);
    next_index += static_cast<uint32_t>(polygon.outer.size());
    if (outer == nullptr || outer->next == outer->prev) return;
    if (!polygon.holes.empty()) outer = eliminate_holes(polygon, outer, next_index);

    size_t total = polygon.outer.size();
    for (const Ring& h : polygon.holes) total += h.size();
    if (total > 80) {
      // Hash ears by z-order over the outer ring's bbox scaled to 15 bits (as earcut does).
      const double size = std::max(box.width(), box.height());
      inv_size_ = size > 0 ? 32767.0 / size : 0.0;
    }
    clip_ears(outer, 0);
  }

 private:
  Node* make_node(uint32_t i, double x, double y) {
    pool_.push_back(Node{i, x, y});
    return &pool_.back();
  }

  Node* insert_after(uint32_t i, const Vec2& v, Node* last) {
    Node* p = make_node(i, v.x - origin_.x, v.y - origin_.y);
    if (last == nullptr) {
      p->prev = p->next = p;
    } else {
      p->next = last->next;
      p->prev = last;
      last->next->prev = p;
      last->next = p;
    }
    return p;
  }

  static void remove(Node* p) {
    p->next->prev = p->prev;
    p->prev->next = p->next;
    if (p->prev_z) p->prev_z->next_z = p->next_z;
    if (p->next_z) p->next_z->prev_z = p->prev_z;
  }

  // Links a ring counter-clockwise for the outer ring and clockwise for holes.
  Node* ring_list(const Ring& ring, uint32_t first_index, bool outer) {
    if (ring.size() < 3) return nullptr;
    const bool ccw = signed_area(ring) > 0;
    Node* last = nullptr;
    const uint32_t n = static_cast<uint32_t>(ring.size());
    if (outer == ccw) {
      for (uint32_t k = 0; k < n; ++k) last = insert_after(first_index + k, ring[k], last);
    } else {
      for (uint32_t k = n; k-- > 0;) last = insert_after(first_index + k, ring[k], last);
    }
    if (last != nullptr && same_point(last, last->next)) {
      remove(last);
      last = last->next;
    }
    return last;
  }

  // Drops duplicate and collinear points between start and end.
  static Node* filter_points(Node* start, Node* end = nullptr) {
    if (start == nullptr) return start;
    if (end == nullptr) end = start;
    Node* p = start;
    bool again;
    do {
      again = false;
      if (!p->steiner && (same_point(p, p->next) || turn(p->prev, p, p->next) == 0)) {
        remove(p);
        p = end = p->prev;
        if (p == p->next) break;
        again = true;
      } else {
        p = p->next;
      }
    } while (again || p != end);
    return end;
  }

  void emit(const Node* a, const Node* b, const Node* c) {
    out_.push_back(a->i);
    out_.push_back(b->i);
    out_.push_back(c->i);
  }

  void clip_ears(Node* ear, int pass) {
    if (ear == nullptr) return;
    if (pass == 0 && inv_size_ > 0) index_curve(ear);
    Node* stop = ear;
    while (ear->prev != ear->next) {
      Node* prev = ear->prev;
      Node* next = ear->next;
      if (inv_size_ > 0 ? is_ear_hashed(ear) : is_ear(ear)) {
        emit(prev, ear, next);
        remove(ear);
        // Skipping the next vertex gives fewer sliver triangles.
        ear = next->next;
        stop = next->next;
        continue;
      }
      ear = next;
      if (ear == stop) {
        // A full turn without an ear: the ring is not simple here; try progressively harder.
        if (pass == 0) {
          clip_ears(filter_points(ear), 1);
        } else if (pass == 1) {
          ear = cure_local_intersections(filter_points(ear));
          clip_ears(ear, 2);
        } else {
          split_and_clip(ear);
        }
        break;
      }
    }
  }

  static bool is_ear(const Node* ear) {
    const Node* a = ear->prev;
    const Node* b = ear;
    const Node* c = ear->next;
    if (turn(a, b, c) >= 0) return false;  // reflex corner
    const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
    const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
    for (const Node* p = c->next; p != a; p = p->next) {
      if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
          point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
          turn(p->prev, p, p->next) >= 0)
        return false;
    }
    return true;
  }

  bool blocks_ear(const Node* p, const Node* a, const Node* b, const Node* c, double x0, double y0,
                  double x1, double y1) const {
    return p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 && p != a && p != c &&
           point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
           turn(p->prev, p, p->next) >= 0;
  }

  bool is_ear_hashed(const Node* ear) const {
    const Node* a = ear->prev;
    const Node* b = ear;
    const Node* c = ear->next;
    if (turn(a, b, c) >= 0) return false;
    const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
    const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
    const uint32_t min_z = z_order(x0, y0), max_z = z_order(x1, y1);
    const Node* p = ear->prev_z;
    const Node* n = ear->next_z;
    while (p && p->z >= min_z && n && n->z <= max_z) {
      if (blocks_ear(p, a, b, c, x0, y0, x1, y1)) return false;
      p = p->prev_z;
      if (blocks_ear(n, a, b, c, x0, y0, x1, y1)) return false;
      n = n->next_z;
    }
    for (; p && p->z >= min_z; p = p->prev_z)
      if (blocks_ear(p, a, b, c, x0, y0, x1, y1)) return false;
    for (; n && n->z <= max_z; n = n->next_z)
      if (blocks_ear(n, a, b, c, x0, y0, x1, y1)) return false;
    return true;
  }

  // Removes small self-intersections (a "bow tie" a-p-p.next-b) by emitting their triangle.
  Node* cure_local_intersections(Node* start) {
    Node* p = start;
    do {
      Node* a = p->prev;
      Node* b = p->next->next;
      if (!same_point(a, b) && segments_intersect(a, p, p->next, b) && locally_inside(a, b) &&
          locally_inside(b, a)) {
        emit(a, p, b);
        remove(p);
        remove(p->next);
        p = start = b;
      }
      p = p->next;
    } while (p != start);
    return filter_points(p);
  }

  // Last resort: find any valid diagonal, split the ring in two and clip each half.
  void split_and_clip(Node* start) {
    Node* a = start;
    do {
      for (Node* b = a->next->next; b != a->prev; b = b->next) {
        if (a->i != b->i && is_valid_diagonal(a, b)) {
          Node* c = split(a, b);
          a = filter_points(a, a->next);
          c = filter_points(c, c->next);
          clip_ears(a, 0);
          clip_ears(c, 0);
          return;
        }
      }
      a = a->next;
    } while (a != start);
  }

  // Links a and b with a two-way bridge; returns the copy of b on the new ring.
  Node* split(Node* a, Node* b) {
    Node* a2 = make_node(a->i, a->x, a->y);
    Node* b2 = make_node(b->i, b->x, b->y);
    Node* an = a->next;
    Node* bp = b->prev;
    a->next = b;
    b->prev = a;
    a2->next = an;
    an->prev = a2;
    b2->next = a2;
    a2->prev = b2;
    bp->next = b2;
    b2->prev = bp;
    return b2;
  }

  static Node* leftmost(Node* start) {
    Node* p = start;
    Node* best = start;
    do {
      if (p->x < best->x || (p->x == best->x && p->y < best->y)) best = p;
      p = p->next;
    } while (p != start);
    return best;
  }

  Node* eliminate_holes(const Polygon& polygon, Node* outer, uint32_t first_index) {
    std::vector<Node*> queue;
    for (const Ring& hole : polygon.holes) {
      Node* list = ring_list(hole, first_index, /*outer=*/false);
      first_index += static_cast<uint32_t>(hole.size());
      if (list == nullptr) continue;
      if (list == list->next) list->steiner = true;
      queue.push_back(leftmost(list));
    }
    std::sort(queue.begin(), queue.end(), [](const Node* a, const Node* b) {
      return a->x != b->x ? a->x < b->x : a->y < b->y;
    });
    for (Node* hole : queue) outer = eliminate_hole(hole, outer);
    return outer;
  }

  Node* eliminate_hole(Node* hole, Node* outer) {
    Node* bridge = find_hole_bridge(hole, outer);
    if (bridge == nullptr) return outer;
    Node* bridge_reverse = split(bridge, hole);
    filter_points(bridge_reverse, bridge_reverse->next);
    return filter_points(bridge, bridge->next);
  }

  static bool sector_contains_sector(const Node* m, const Node* p) {
    return turn(m->prev, m, p->prev) < 0 && turn(p->next, m, m->next) < 0;
  }

  // A vertex of the outer ring visible from the hole's leftmost point (David Eberly's method).
  static Node* find_hole_bridge(Node* hole, Node* outer) {
    Node* p = outer;
    const double hx = hole->x, hy = hole->y;
    double qx = -std::numeric_limits<double>::infinity();
    Node* m = nullptr;
    // The nearest edge crossed by a ray from the hole point to the left; its endpoint with the
    // smaller x is the candidate.
    do {
      if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
        const double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
        if (x <= hx && x > qx) {
          qx = x;
          m = p->x < p->next->x ? p : p->next;
          if (x == hx) return m;  // the hole touches the outer edge
        }
      }
      p = p->next;
    } while (p != outer);
    if (m == nullptr) return nullptr;

    // Vertices inside the triangle (hole point, intersection, candidate) would block the bridge:
    // take the one with the smallest angle to the ray instead.
    Node* stop = m;
    const double mx = m->x, my = m->y;
    double tan_min = std::numeric_limits<double>::infinity();
    p = m;
    do {
      if (hx >= p->x && p->x >= mx && hx != p->x &&
          point_in_triangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
        const double tan = std::abs(hy - p->y) / (hx - p->x);
        if (locally_inside(p, hole) &&
            (tan < tan_min ||
             (tan == tan_min && (p->x > m->x || (p->x == m->x && sector_contains_sector(m, p)))))) {
          m = p;
          tan_min = tan;
        }
      }
      p = p->next;
    } while (p != stop);
    return m;
  }

  // Clamped to the 15-bit grid: monotone in x and y, which is all the hashed ear test relies on
  // (a hole poking outside the outer ring's bbox must not make a negative key).
  uint32_t z_order(double fx, double fy) const {
    uint32_t x = static_cast<uint32_t>(std::clamp(fx * inv_size_, 0.0, 32767.0));
    uint32_t y = static_cast<uint32_t>(std::clamp(fy * inv_size_, 0.0, 32767.0));
    x = (x | (x << 8)) & 0x00FF00FF;
    x = (x | (x << 4)) & 0x0F0F0F0F;
    x = (x | (x << 2)) & 0x33333333;
    x = (x | (x << 1)) & 0x55555555;
    y = (y | (y << 8)) & 0x00FF00FF;
    y = (y | (y << 4)) & 0x0F0F0F0F;
    y = (y | (y << 2)) & 0x33333333;
    y = (y | (y << 1)) & 0x55555555;
    return x | (y << 1);
  }

  void index_curve(Node* start) {
    Node* p = start;
    do {
      if (p->z == 0) p->z = z_order(p->x, p->y);
      p->prev_z = p->prev;
      p->next_z = p->next;
      p = p->next;
    } while (p != start);
    p->prev_z->next_z = nullptr;
    p->prev_z = nullptr;
    sort_by_z(p);
  }

  std::vector<uint32_t>& out_;
  std::deque<Node> pool_;  // stable addresses while nodes are linked
  Vec2 origin_;
  double inv_size_ = 0;
};

}  // namespace

std::vector<Vec2> flatten(const Polygon& polygon) {
  std::vector<Vec2> v(polygon.outer);
  for (const Ring& h : polygon.holes) v.insert(v.end(), h.begin(), h.end());
  return v;
}

std::vector<uint32_t> triangulate(const Polygon& polygon) {
  std::vector<uint32_t> indices;
  size_t n = polygon.outer.size();
  for (const Ring& h : polygon.holes) n += h.size();
  indices.reserve(n > 2 ? 3 * (n - 2) + 6 * polygon.holes.size() : 0);
  Earcut(indices).run(polygon);
  // Ear clipping emits counter-clockwise triangles; the intersection cure may not: normalise so
  // callers can rely on one winding.
  const std::vector<Vec2> v = flatten(polygon);
  for (size_t t = 0; t + 2 < indices.size(); t += 3) {
    const Vec2& a = v[indices[t]];
    const Vec2& b = v[indices[t + 1]];
    const Vec2& c = v[indices[t + 2]];
    if ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y) < 0)
      std::swap(indices[t + 1], indices[t + 2]);
  }
  return indices;
}

void append_triangulation(const MultiPolygon& shape, TriangleMesh& mesh) {
  for (const Polygon& part : shape) {
    const uint32_t base = static_cast<uint32_t>(mesh.vertices.size());
    const std::vector<Vec2> v = flatten(part);
    mesh.vertices.insert(mesh.vertices.end(), v.begin(), v.end());
    for (uint32_t i : triangulate(part)) mesh.indices.push_back(base + i);
  }
}

double triangles_area(const std::vector<Vec2>& vertices, const std::vector<uint32_t>& indices) {
  double sum = 0;
  for (size_t t = 0; t + 2 < indices.size(); t += 3) {
    const Vec2& a = vertices[indices[t]];
    const Vec2& b = vertices[indices[t + 1]];
    const Vec2& c = vertices[indices[t + 2]];
    sum += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5;
  }
  return sum;
}

}  // namespace faro
