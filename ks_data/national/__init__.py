"""The 15 national RIVM indicators: catalogue (data files), change, headline figures, history and page views."""
