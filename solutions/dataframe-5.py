def compute_departure_timestamp(part):
    hours = pd.to_timedelta(part.CRSDepTime // 100, unit="h")
    minutes = pd.to_timedelta(part.CRSDepTime % 100, unit="m")
    return part.Date + hours + minutes

departure_timestamp = df.map_partitions(compute_departure_timestamp)
departure_timestamp.head()
