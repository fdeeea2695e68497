using System.IO;

namespace Station.CanTool;

/// <summary>Commands beyond decode (replay, record).</summary>
public static class Commands
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("Station.CanTool: unknown command '" + args[0] + "'");
        stderr.Write(Program.Usage);
        return 2;
    }
}
