using Station.Hal.Sim;

namespace Station.Sim.Tests
{
    /// <summary>A bay with default parameters that a test drives by hand, 10 ms at a time, as a controller would.</summary>
    internal sealed class Rig
    {
        public readonly PlantParameters P;
        public readonly SimClock Clock = new SimClock();
        public readonly MemoryStorage Storage = new MemoryStorage();
        public readonly SimBay Bay;

        public Rig(PlantParameters p = null)
        {
            P = p ?? new PlantParameters();
            Bay = new SimBay(P, Clock, Storage);
        }

        /// <summary>Runs <paramref name="ms"/> of simulated time in 10 ms ticks.</summary>
        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += 10)
            {
                Clock.Advance(10);
                Bay.PermitWatchdogKick.Write(!Bay.PermitWatchdogKick.Written); // as a controller's tick does
                Bay.Step(10);
            }
        }

        /// <summary>Runs until <paramref name="done"/> holds or <paramref name="maxMs"/> passes; returns the ms it took.</summary>
        public int RunUntil(System.Func<bool> done, int maxMs)
        {
            int t = 0;
            while (!done() && t < maxMs)
            {
                Clock.Advance(10);
                Bay.PermitWatchdogKick.Write(!Bay.PermitWatchdogKick.Written); // as a controller's tick does
                Bay.Step(10);
                t += 10;
            }
            return t;
        }

        /// <summary>Requests motion permission and waits for the safety relay.</summary>
        public void Permit()
        {
            Bay.MotionPermit.Write(true);
            Run(100);
        }

        /// <summary>Drives the lift: direction, duty, enable and brake release.</summary>
        public void DriveLift(bool up, double duty)
        {
            Bay.LiftDirectionUp.Write(up);
            Bay.LiftDrive.SetDuty(duty);
            Bay.LiftEnable.Write(duty > 0);
            Bay.LiftBrakeRelease.Write(duty > 0);
        }

        /// <summary>Moves the lift to <paramref name="mm"/> at full speed with a simple stop (good enough for set-up).</summary>
        public void LiftTo(double mm)
        {
            bool up = mm > Bay.LiftPositionMm;
            DriveLift(up, 1.0);
            RunUntil(() => up ? Bay.LiftPositionMm >= mm - 60 : Bay.LiftPositionMm <= mm + 60, 60000);
            DriveLift(up, 0.1);
            RunUntil(() => up ? Bay.LiftPositionMm >= mm - 0.5 : Bay.LiftPositionMm <= mm + 0.5, 60000);
            DriveLift(up, 0);
            Run(200);
        }

        /// <summary>Drives every lock's engage or release output.</summary>
        public void Locks(bool engage, bool on)
        {
            for (int i = 0; i < P.LockCount; i++)
            {
                (engage ? Bay.LockEngage[i] : Bay.LockRelease[i]).Write(on);
            }
        }
    }
}
