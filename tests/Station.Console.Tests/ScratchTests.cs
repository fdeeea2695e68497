using System.IO;
using Station.Simulator;
using Xunit;

namespace Station.Console.Tests
{
    public class ScratchTests
    {
        [Fact]
        public void Transcript()
        {
            var line = new FakeLine();
            var bay = new ConsoleBay(line);
            bay.Console.Start();
            var sb = new System.Text.StringBuilder();
            void Run(int ms) { for (int t = 0; t < ms; t += 10) { bay.Tick(); sb.Append(line.TakeOutput()); } }
            void T(string s, int ms) { line.Type(s + "\r"); Run(ms); sb.Append($"\n[t={bay.Clock.NowMs} lift={bay.Bay.LiftPositionMm:0.00} state={bay.Controller.State}]\n"); }
            Run(200);
            T("maint enter 1234", 100);
            T("home", 30000);
            T("lift jog +30", 5000);
            T("config set lift.jog_speed_mm_s 100", 100);
            T("config set lift.jog_step_mm 200", 100);
            for (int i = 0; i < 4; i++) T("lift jog +200", 5000);
            T("sim after 1 curtain break", 10);
            T("lift jog -200", 5000);
            T("sim curtain clear", 100);
            T("maint enter 1234", 100);
            T("fault reset 11", 100);
            T("config set lift.homing_speed_mm_s 10", 100);
            T("home", 200000);
            T("maint exit", 100);
            T("sim vehicle arrive CAR1", 30000);
            T("why", 100);
            T("maint enter 1234", 100);
            T("swap authorize CAR1", 200000);
            T("status", 100);
            T("faults", 100);
            T("log tail 30", 100);
            File.WriteAllText("/tmp/transcript.txt", sb.ToString());
        }
    }
}
