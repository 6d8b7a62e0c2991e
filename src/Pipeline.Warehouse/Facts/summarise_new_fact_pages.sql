-- The unit index's summaries of the pages written since the last one (sql/0014).
select fact.summarise_new_fact_pages()
