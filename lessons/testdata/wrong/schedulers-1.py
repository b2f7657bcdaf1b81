# hint: call .result()
# The Future of the total, not its value.
futures = client.map(inc, data)
client.submit(sum, futures)
