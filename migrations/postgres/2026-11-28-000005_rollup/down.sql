DROP TABLE rollup_cells;
