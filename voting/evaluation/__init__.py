"""Satisfaction evaluation (满意度测评): rounds, secret ratings on tablets, results by tally.rating, 整改."""

__all__: list[str] = []
