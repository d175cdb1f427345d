enum _PlaceholderTS {}
