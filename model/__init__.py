"""The pure model: what kaniko will do with a Dockerfile under a binfmt strategy. No Docker here."""
