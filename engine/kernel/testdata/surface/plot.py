# Charts of pandas objects (see gen.py): the value .plot returns, an Axes
# labelled as pandas labels it. Each case closes its figures, which
# Jupyter would show, so that only the value prints.

# %% Series.plot pandas bar chart of a group-by
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.groupby('Origin').DepDelay.mean().plot(kind='bar')
plt.close('all')
ax
# > <AxesSubplot: xlabel='Origin'>

# %% Series.plot pandas line with a title
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.DepDelay.plot(title='Departure delay', figsize=(8, 3))
plt.close('all')
ax
# > <AxesSubplot: title={'center': 'Departure delay'}>

# %% Series.plot pandas barh of value_counts
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.Origin.value_counts().plot.barh()
plt.close('all')
ax
# > <AxesSubplot: >

# %% Series.plot pandas hist with bins
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.Distance.plot.hist(bins=5)
plt.close('all')
ax
# > <AxesSubplot: ylabel='Frequency'>

# %% Series.plot pandas two series on one Axes
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
df.DepDelay.plot(legend=True)
ax = df.ArrDelay.plot(legend=True, ylabel='minutes')
plt.close('all')
ax
# > <AxesSubplot: ylabel='minutes'>

# %% Series.plot dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.plot()
# > AttributeError: 'Series' object has no attribute 'plot'
# > @ line 3

# %% Series.hist pandas
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.Distance.hist(bins=4)
plt.close('all')
ax
# > <AxesSubplot: >

# %% DataFrame.plot pandas x and y columns
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.plot(x='DepTime', y='DepDelay')
plt.close('all')
ax
# > <AxesSubplot: xlabel='DepTime'>

# %% DataFrame.plot pandas scatter
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.plot.scatter(x='DepDelay', y='ArrDelay', title='Delays')
plt.close('all')
ax
# > <AxesSubplot: title={'center': 'Delays'}, xlabel='DepDelay', ylabel='ArrDelay'>

# %% DataFrame.plot pandas bar of a group-by's columns
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df.groupby('Origin')[['DepDelay', 'ArrDelay']].mean().plot(kind='bar', xlabel='airport')
plt.close('all')
ax
# > <AxesSubplot: xlabel='airport'>

# %% DataFrame.plot pandas hist of two columns
import pandas as pd
import matplotlib.pyplot as plt
df = pd.read_csv('flights-1.csv')
ax = df[['DepDelay', 'ArrDelay']].plot.hist(bins=6, alpha=0.5)
plt.close('all')
ax
# > <AxesSubplot: ylabel='Frequency'>

# %% DataFrame.plot dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.plot(x='DepTime', y='DepDelay')
# > AttributeError: 'DataFrame' object has no attribute 'plot'
# > @ line 3
