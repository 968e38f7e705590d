# A second, diverging copy of the evaluation, kept in a notebooks folder (the in-trouble example's pitfall 5).
print("auc=0.87")
