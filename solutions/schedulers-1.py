futures = client.map(inc, data)
total = client.submit(sum, futures)
total.result()
