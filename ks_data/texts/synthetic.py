"""Dutch strings of the synthetic demo set (ks_data.perinatal.synthetic): its source line and the fallback warning."""

ROW_SOURCE = "{label} (seed {seed}); {births}"
BIRTHS_FROM_CHILDREN = "geboorten per postcode afgeleid van het aantal jonge kinderen dat er woont (CBS)"
BIRTHS_FROM_AREA = (
    "geboorten per postcode verdeeld naar de oppervlakte van de postcode (geen bevolkingscijfers per postcode gevonden)"
)
FALLBACK_WARNING = (
    "geen bevolkingscijfers per postcode in het grenzenbestand: de geboorten zijn verdeeld naar de oppervlakte "
    "van de postcodes. Zet pc4_population_2021.csv in de bronmap en bouw opnieuw (make data). / No population "
    "per PC4 in the boundary cache: births follow postcode areas instead."
)
