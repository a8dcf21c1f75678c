-- POST /campaigns: a csv_import campaign in draft (no portal filters, so no call to extraction-worker).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
wrk.method = "POST"
wrk.body = '{"name": "bench", "platform": "csv_import", "segmentation": {"batchSize": 10}}'
