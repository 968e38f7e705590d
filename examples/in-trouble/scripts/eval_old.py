# An evaluation script run by hand, that the pipeline does not use (the in-trouble example's pitfall 5).
import sys
print("auc=0.91 (on whatever data was at hand)", file=sys.stderr)
