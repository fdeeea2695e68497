namespace Station.Core.Motion
{
    /// <summary>Small numeric routines for motion profiles. Own code because nanoFramework's mscorlib has no System.Math.</summary>
    public static class Kinematics
    {
        /// <summary>Absolute value.</summary>
        public static double Abs(double x) { return x < 0 ? -x : x; }

        /// <summary>Smaller of two values.</summary>
        public static double Min(double a, double b) { return a < b ? a : b; }

        /// <summary>Larger of two values.</summary>
        public static double Max(double a, double b) { return a > b ? a : b; }

        /// <summary>Square root by Newton's method (x &lt;= 0 gives 0); exact to double precision after a few steps.</summary>
        public static double Sqrt(double x)
        {
            if (!(x > 0)) return 0;
            double r = x >= 1 ? x : 1;
            // Newton's steps from above until one no longer descends, at most 64: two steps to a pass of the loop, each
            // with its own test (on nanoFramework's interpreter the loop's counter and test cost as much as a step).
            for (int pass = 0; pass < 32; pass++)
            {
                double next = 0.5 * (r + x / r);
                if (next >= r) return r;
                r = 0.5 * (next + x / next);
                if (r >= next) return next;
            }
            return r;
        }

        /// <summary>Time in ms for a rest-to-rest move of <paramref name="distanceMm"/> with a trapezoidal profile
        /// (triangular when the distance is too short to reach <paramref name="speedMmS"/>).</summary>
        public static long MoveMs(double distanceMm, double speedMmS, double accelMmS2)
        {
            double d = Abs(distanceMm);
            if (d == 0) return 0;
            double rampDistance = speedMmS * speedMmS / accelMmS2; // accelerate plus decelerate
            double seconds;
            if (d >= rampDistance) seconds = 2 * speedMmS / accelMmS2 + (d - rampDistance) / speedMmS;
            else seconds = 2 * Sqrt(d / accelMmS2);
            return (long)(seconds * 1000 + 0.5);
        }
    }
}
