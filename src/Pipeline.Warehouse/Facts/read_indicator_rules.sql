select indicator, folding, combining from fact.indicator;
