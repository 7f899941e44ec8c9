"""Page titles shown in the navigation (one place, so links and tests agree)."""

HOME = "Start"
INDICATORS = "Landelijke indicatoren"
TRENDS = "Trends"
