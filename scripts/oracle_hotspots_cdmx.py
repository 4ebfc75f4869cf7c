#!/usr/bin/python3
"""Independent analytic Gi* on the real CDMX cuadrantes, for tests/cli/hotspots_cli_test.cpp.

GDAL/OGR + GEOS (python3-gdal) only: cuadrantes reprojected to EPSG:32614, queen contiguity as
GEOS distance <= 1 m between polygons, incidents (fgj_homicidios_armas_cdmx_2019_2024.csv,
longitud/latitud) counted per cuadrante with GEOS Contains, then the Gi* formula with numpy.
Prints the neighbour-pair count, the total count and the z of a few cuadrantes.
"""
import math
import sys

import numpy as np
from osgeo import ogr, osr

D = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
osr_utm = osr.SpatialReference()
osr_utm.ImportFromEPSG(32614)
osr_utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
wgs = osr.SpatialReference()
wgs.ImportFromEPSG(4326)
wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)

ds = ogr.Open(D + "/cdmx-cuadrantes/cuadrantes_population_2023.shp")
lyr = ds.GetLayer(0)
src = lyr.GetSpatialRef()
src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
ct = osr.CoordinateTransformation(src, osr_utm)
geoms = []
for f in lyr:
    g = f.GetGeometryRef().Clone()
    g.Transform(ct)
    geoms.append(g)
n = len(geoms)
env = [g.GetEnvelope() for g in geoms]  # minx, maxx, miny, maxy
w = np.eye(n)
pairs = 0
for i in range(n):
    for j in range(i + 1, n):
        a, b = env[i], env[j]
        if a[0] > b[1] + 1 or b[0] > a[1] + 1 or a[2] > b[3] + 1 or b[2] > a[3] + 1:
            continue
        if geoms[i].Distance(geoms[j]) <= 1.0:
            w[i, j] = w[j, i] = 1
            pairs += 1

counts = np.zeros(n)
ct_pts = osr.CoordinateTransformation(wgs, osr_utm)
import csv
with open(D + "/cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        try:
            lon, lat = float(row["longitud"]), float(row["latitud"])
        except ValueError:
            continue
        x, y, _ = ct_pts.TransformPoint(lon, lat)
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(x, y)
        for i in range(n):
            e = env[i]
            if e[0] <= x <= e[1] and e[2] <= y <= e[3] and geoms[i].Contains(p):
                counts[i] += 1
                break

xbar = counts.mean()
s = math.sqrt((counts ** 2).mean() - xbar ** 2)
wi = w.sum(axis=1)
z = (w @ counts - xbar * wi) / (s * np.sqrt((n * wi - wi ** 2) / (n - 1)))
print("units", n, "neighbour pairs", pairs, "total count", counts.sum())
order = np.argsort(-z)
lyr.ResetReading()
names = [f.GetField("Nomenclatu") for f in lyr]
print("fields:", [lyr.GetLayerDefn().GetFieldDefn(k).GetName() for k in range(lyr.GetLayerDefn().GetFieldCount())])
for k in list(order[:5]) + list(order[-3:]):
    print(f"{names[k]!r} count {counts[k]:.0f} z {z[k]:.9f}")
