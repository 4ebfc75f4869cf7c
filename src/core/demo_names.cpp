#include "core/demo_names.hpp"

#include <array>
#include <string_view>

namespace faro::demo {
namespace {

// 96 generic colonia-style names (saints, flowers, landscape, trades), all distinct.
constexpr std::array<std::string_view, 96> kNeighbourhoods = {
    "San Miguel",       "Las Flores",      "El Carmen",       "Santa Cruz",     "San Francisco",
    "La Paz",           "El Mirador",      "Los Pinos",       "San Pedro",      "La Loma",
    "Santa Anita",      "El Rosario",      "Las Palmas",      "San Juan",       "La Joya",
    "Los Álamos",       "San José",        "El Calvario",     "Santa Lucía",    "Las Huertas",
    "San Antonio",      "El Llano",        "La Libertad",     "Los Olivos",     "San Bartolo",
    "La Cañada",        "Santa María",     "El Progreso",     "San Lorenzo",    "Las Ánimas",
    "Valle Verde",      "Los Cedros",      "San Rafael",      "La Esperanza",   "Santa Rosa",
    "El Paraíso",       "San Sebastián",   "Las Lomas",       "Tres Cruces",    "Los Sauces",
    "San Isidro",       "La Presa",        "Santa Clara",     "El Molino",      "San Martín",
    "Las Águilas",      "Agua Azul",       "Los Fresnos",     "San Baltazar",   "La Hacienda",
    "Santa Bárbara",    "El Fresno",       "San Felipe",      "Las Margaritas", "Bosques del Sur",
    "Los Ángeles",      "San Ramón",       "La Cima",         "Santa Catarina", "El Refugio",
    "San Andrés",       "Las Torres",      "Lomas del Valle", "Los Naranjos",   "San Jerónimo",
    "La Noria",         "Santa Inés",      "El Sabino",       "San Pablo",      "Las Fuentes",
    "Jardines del Río", "Los Manantiales", "San Diego",       "La Ribera",      "Santa Julia",
    "El Cerrito",       "San Gabriel",     "Las Rosas",       "Arboledas",      "Los Robles",
    "San Agustín",      "La Calera",       "Santa Teresa",    "El Vergel",      "San Nicolás",
    "Las Cruces",       "Villa Nueva",     "Los Arcos",       "San Mateo",      "La Trinidad",
    "Santa Fe",         "El Batán",        "San Cristóbal",   "Las Granjas",    "Prados Verdes",
    "Los Volcanes",
};

const char* const kRoman[] = {"", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X"};

}  // namespace

const std::vector<std::string>& district_names() {
  static const std::vector<std::string> names = {"Centro", "Norte", "Oriente", "Sur", "Poniente"};
  return names;
}

std::vector<std::string> pick_sector_names(size_t count, Random& rng) {
  std::vector<std::string_view> pool(kNeighbourhoods.begin(), kNeighbourhoods.end());
  for (size_t i = pool.size(); i > 1; --i)
    std::swap(pool[i - 1], pool[rng.below(i)]);  // Fisher-Yates
  std::vector<std::string> names;
  names.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const size_t round = i / pool.size();
    std::string name(pool[i % pool.size()]);
    if (round < std::size(kRoman)) {
      name += kRoman[round];
    } else {
      name += " " + std::to_string(round + 1);
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace faro::demo
