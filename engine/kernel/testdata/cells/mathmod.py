# Python's math module: every function and constant of CPython 3.11's.

# %% math constants
import math
(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
# > (3.141592653589793, 2.718281828459045, 6.283185307179586, inf, -inf, nan)

# %% math floor ceil trunc return ints
import math
(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.7), math.floor(7), math.ceil(True), type(math.floor(2.5)))
# > (2, -3, 3, -2, -3, 7, 1, <class 'int'>)

# %% math floor of a large float is a big int
import math
(math.floor(1e20), math.ceil(-1.5e18))
# > (100000000000000000000, -1500000000000000000)

# %% math floor of infinity
import math
math.floor(math.inf)
# > OverflowError: cannot convert float infinity to integer
# > @ line 2

# %% math ceil of nan
import math
math.ceil(math.nan)
# > ValueError: cannot convert float NaN to integer
# > @ line 2

# %% math floor of a string
import math
math.floor("2.5")
# > TypeError: must be real number, not str
# > @ line 2

# %% math trunc of a string
import math
math.trunc("a")
# > TypeError: type str doesn't define __trunc__ method
# > @ line 2

# %% math sqrt exp and logs
import math
(math.sqrt(2), math.sqrt(16), math.exp(1), math.exp(2), math.exp(-1.5), math.log(100, 10), math.log(8, 2), math.log(math.e), math.log(10))
# > (1.4142135623730951,
# >  4.0,
# >  2.718281828459045,
# >  7.38905609893065,
# >  0.22313016014842982,
# >  2.0,
# >  3.0,
# >  1.0,
# >  2.302585092994046)

# %% math log2 log10 log1p expm1 exp2 cbrt
import math
(math.log2(8), math.log2(10), math.log10(1000), math.log10(2), math.log1p(1e-10), math.expm1(1e-10), math.exp2(10), math.exp2(0.5), math.cbrt(27), math.cbrt(-8))
# > (3.0,
# >  3.321928094887362,
# >  3.0,
# >  0.3010299956639812,
# >  9.999999999500001e-11,
# >  1.00000000005e-10,
# >  1024.0,
# >  1.4142135623730951,
# >  3.0000000000000004,
# >  -2.0)

# %% math results agree with CPython's to the bit
import math
[math.exp(0.1), math.exp(-7.3), math.pow(1.1, 10), math.pow(2.5, 3.7), math.log10(7), math.log2(3), math.atan(0.3), math.asin(0.3), math.acos(-0.7), math.tan(2.2), math.sinh(2), math.cosh(3), math.tanh(0.3), math.asinh(2), math.acosh(3), math.gamma(7.3), math.lgamma(7.3), math.atan2(3, -2), math.exp2(-1.7), math.erf(0.3), math.expm1(0.7), math.log1p(2.5), math.atanh(0.7)]
# > [1.1051709180756477,
# >  0.0006755387751938444,
# >  2.5937424601000023,
# >  29.67413253642086,
# >  0.8450980400142568,
# >  1.584962500721156,
# >  0.2914567944778671,
# >  0.3046926540153975,
# >  2.3461938234056494,
# >  -1.3738230567687946,
# >  3.626860407847019,
# >  10.067661995777765,
# >  0.2913126124515909,
# >  1.4436354751788103,
# >  1.762747174039086,
# >  1271.4236336639085,
# >  7.147892523022248,
# >  2.158798930342464,
# >  0.3077861033362291,
# >  0.3286267594591274,
# >  1.0137527074704764,
# >  1.252762968495368,
# >  0.8673005276940531]

# %% math log of big ints
import math
(math.log(10**400), math.log2(2**2000), math.log10(10**500), math.log(2**1000, 2))
# > (921.0340371976182, 2000.0, 500.0, 1000.0000000000001)

# %% math log of zero
import math
math.log(0)
# > ValueError: math domain error
# > @ line 2

# %% math log of a negative number
import math
math.log(-1)
# > ValueError: math domain error
# > @ line 2

# %% math log with base 1
import math
math.log(5, 1)
# > ZeroDivisionError: float division by zero
# > @ line 2

# %% math log10 of zero
import math
math.log10(0)
# > ValueError: math domain error
# > @ line 2

# %% math log1p of minus one
import math
math.log1p(-1)
# > ValueError: math domain error
# > @ line 2

# %% math sqrt of a negative number
import math
math.sqrt(-1)
# > ValueError: math domain error
# > @ line 2

# %% math sqrt of an int too large for a float
import math
math.sqrt(10**400)
# > OverflowError: int too large to convert to float
# > @ line 2

# %% math sqrt of a string
import math
math.sqrt("4")
# > TypeError: must be real number, not str
# > @ line 2

# %% math exp overflow
import math
math.exp(1000)
# > OverflowError: math range error
# > @ line 2

# %% math trigonometry
import math
(math.sin(math.pi / 6), math.cos(math.pi / 3), math.tan(math.pi / 4), math.sin(1), math.cos(1), math.tan(1))
# > (0.49999999999999994,
# >  0.5000000000000001,
# >  0.9999999999999999,
# >  0.8414709848078965,
# >  0.5403023058681398,
# >  1.5574077246549023)

# %% math inverse trigonometry
import math
(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.asin(0.5), math.acos(0.5))
# > (1.5707963267948966,
# >  1.5707963267948966,
# >  0.7853981633974483,
# >  0.7853981633974483,
# >  -2.356194490192345,
# >  0.5235987755982989,
# >  1.0471975511965979)

# %% math acos out of its domain
import math
math.acos(2)
# > ValueError: math domain error
# > @ line 2

# %% math hyperbolic functions
import math
(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
# > (1.1752011936438014,
# >  1.5430806348152437,
# >  0.7615941559557649,
# >  0.881373587019543,
# >  1.3169578969248166,
# >  0.5493061443340548)

# %% math cosh overflow
import math
math.cosh(1000)
# > OverflowError: math range error
# > @ line 2

# %% math atanh of one
import math
math.atanh(1)
# > ValueError: math domain error
# > @ line 2

# %% math degrees and radians
import math
(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))
# > (180.0, 3.141592653589793, 57.29577951308232, 0.7853981633974483)

# %% math erf erfc gamma lgamma
import math
(math.erf(0.5), math.erfc(0.5), math.erf(2), math.gamma(5), math.gamma(0.5), math.gamma(5.5), math.gamma(-1.5), math.lgamma(10), math.lgamma(0.5), math.lgamma(100))
# > (0.5204998778130465,
# >  0.4795001221869535,
# >  0.9953222650189527,
# >  24.0,
# >  1.7724538509055159,
# >  52.34277778455352,
# >  2.3632718012073544,
# >  12.801827480081467,
# >  0.5723649429247004,
# >  359.1342053695754)

# %% math gamma at zero
import math
math.gamma(0)
# > ValueError: math domain error
# > @ line 2

# %% math gamma of a negative integer
import math
math.gamma(-2)
# > ValueError: math domain error
# > @ line 2

# %% math gamma overflow
import math
math.gamma(200)
# > OverflowError: math range error
# > @ line 2

# %% math lgamma at zero
import math
math.lgamma(0)
# > ValueError: math domain error
# > @ line 2

# %% math pow
import math
(math.pow(2, 10), math.pow(2, 0.5), math.pow(10, -2), math.pow(1, math.nan), math.pow(math.nan, 0), math.pow(-2, 3))
# > (1024.0, 1.4142135623730951, 0.01, 1.0, 1.0, -8.0)

# %% math pow of zero to a negative power
import math
math.pow(0, -1)
# > ValueError: math domain error
# > @ line 2

# %% math pow of a negative number to a fraction
import math
math.pow(-8, 1 / 3)
# > ValueError: math domain error
# > @ line 2

# %% math pow overflow
import math
math.pow(10, 400)
# > OverflowError: math range error
# > @ line 2

# %% math fabs copysign fmod remainder
import math
(math.fabs(-2), math.copysign(3, -0.0), math.copysign(-2.5, 1), math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.remainder(5, 2), math.remainder(-5, 2))
# > (2.0, -3.0, 2.5, 1.0, -1.0, 2, 1.0, 1.0, -1.0)

# %% math fmod by zero
import math
math.fmod(1, 0)
# > ValueError: math domain error
# > @ line 2

# %% math remainder by zero
import math
math.remainder(1, 0)
# > ValueError: math domain error
# > @ line 2

# %% math frexp ldexp modf
import math
(math.frexp(8), math.frexp(0.1), math.frexp(0), math.ldexp(0.5, 4), math.ldexp(3, -2), math.modf(3.25), math.modf(-2.5), math.modf(math.inf))
# > ((0.5, 4),
# >  (0.8, -3),
# >  (0.0, 0),
# >  8.0,
# >  0.75,
# >  (0.25, 3.0),
# >  (-0.5, -2.0),
# >  (0.0, inf))

# %% math ldexp overflow
import math
math.ldexp(1, 2000)
# > OverflowError: math range error
# > @ line 2

# %% math ldexp with a float exponent
import math
math.ldexp(1, 2.0)
# > TypeError: Expected an int as second argument to ldexp.
# > @ line 2

# %% math nextafter and ulp
import math
(math.nextafter(1, 2), math.nextafter(1, 0), math.ulp(1), math.ulp(1e10), math.ulp(0), math.ulp(-1.5))
# > (1.0000000000000002,
# >  0.9999999999999999,
# >  2.220446049250313e-16,
# >  1.9073486328125e-06,
# >  5e-324,
# >  2.220446049250313e-16)

# %% math predicates
import math
(math.isnan(math.nan), math.isnan(1), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1e308), math.isfinite(math.nan))
# > (True, False, True, False, True, False)

# %% math isclose with tolerances
import math
(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.1), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
# > (True, False, True, False, True, True, False)

# %% math isclose with a negative tolerance
import math
math.isclose(1, 2, rel_tol=-1)
# > ValueError: tolerances must be non-negative
# > @ line 2

# %% math factorial
import math
(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30), math.factorial(True))
# > (1, 120, 2432902008176640000, 265252859812191058636308480000000, 1)

# %% math factorial of a negative number
import math
math.factorial(-1)
# > ValueError: factorial() not defined for negative values
# > @ line 2

# %% math factorial of a float
import math
math.factorial(3.0)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 2

# %% math comb and perm
import math
(math.comb(5, 2), math.comb(100, 50), math.comb(3, 5), math.comb(10, 0), math.perm(5, 2), math.perm(5), math.perm(4, None), math.perm(3, 5))
# > (10, 100891344545564193334812497256, 0, 1, 20, 120, 24, 0)

# %% math comb and perm of large numbers
import math
(math.comb(10**7, 2), math.comb(10**12, 10**12 - 3), math.comb(3, 10**30), math.perm(10**9, 3), math.perm(5, 10**30))
# > (49999995000000,
# >  166666666666166666666667000000000000,
# >  0,
# >  999999997000000002000000000,
# >  0)

# %% math comb with a negative n
import math
math.comb(-1, 2)
# > ValueError: n must be a non-negative integer
# > @ line 2

# %% math perm with a negative k
import math
math.perm(5, -1)
# > ValueError: k must be a non-negative integer
# > @ line 2

# %% math comb with a float
import math
math.comb(3.0, 2)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 2

# %% math gcd and lcm with many arguments
import math
(math.gcd(12, 18), math.gcd(12, 18, 27), math.gcd(), math.gcd(0, 0), math.gcd(-4, 6), math.lcm(4, 6), math.lcm(2, 3, 4), math.lcm(), math.lcm(0, 5), math.lcm(2**70, 3))
# > (6, 3, 0, 0, 2, 12, 12, 1, 0, 3541774862152233910272)

# %% math gcd of a float
import math
math.gcd(1.5, 3)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 2

# %% math isqrt
import math
(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**30), math.isqrt(2**101))
# > (0, 3, 4, 1000000000000000, 1592262918131443)

# %% math isqrt of a negative number
import math
math.isqrt(-1)
# > ValueError: isqrt() argument must be nonnegative
# > @ line 2

# %% math fsum is exact
import math
(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum(range(5)), math.fsum([1e-16, 1, 1e16]))
# > (1.0, 0.9999999999999999, 1e-100, 0.0, 10.0, 1.0000000000000002e+16)

# %% math fsum with infinities
import math
(math.fsum([math.inf, 1.0]), math.fsum([1.0, math.nan]))
# > (inf, nan)

# %% math fsum of inf and minus inf
import math
math.fsum([math.inf, -math.inf])
# > ValueError: -inf + inf in fsum
# > @ line 2

# %% math fsum intermediate overflow
import math
math.fsum([1e308, 1e308])
# > OverflowError: intermediate overflow in fsum
# > @ line 2

# %% math prod
import math
(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([2, 0.5]), math.prod([2, 3], start=10), math.prod(["ab", 3]))
# > (24, 1, 2432902008176640000, 1.0, 60, 'ababab')

# %% math hypot and dist
import math
(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(1e200, 1e200), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.hypot(math.inf, math.nan))
# > (5.0,
# >  0.0,
# >  5.0,
# >  3.7416573867739413,
# >  1.414213562373095e+200,
# >  5.0,
# >  5.196152422706632,
# >  inf)

# %% math dist of any iterables
import math
(math.dist(iter([1, 1]), range(2)), math.dist([0.5], (2,)))
# > (1.0, 1.5)

# %% math dist of a number
import math
math.dist(1, [2])
# > TypeError: 'int' object is not iterable
# > @ line 2

# %% math dist of points of different dimensions
import math
math.dist((1,), (1, 2))
# > ValueError: both points must have the same number of dimensions
# > @ line 2

# %% math function of the wrong number of arguments
import math
math.atan2(1)
# > TypeError: atan2 expected 2 arguments, got 1
# > @ line 2

# %% math signs and rounding edge cases
import math
[math.floor(-0.5), math.ceil(-0.5), math.copysign(1, -0.0), math.fmod(-1, 10), math.remainder(3, 2), math.trunc(2.999999), math.modf(-0.0), math.frexp(-3)]
# > [-1, 0, -1.0, -1.0, -1.0, 2, (-0.0, -0.0), (-0.75, 2)]
