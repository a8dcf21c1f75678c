-- GET of one resource (the path is wrk's URL).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
