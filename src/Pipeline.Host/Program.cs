using Pipeline.Host;
using Pipeline.Host.Security;

// `hash-password NAME` reads a password from standard input and prints the hash for Authentication:Users:NAME:PasswordHash.
if (args is ["hash-password", var name])
{
    Console.WriteLine(BasicUsersHandler.Hash(name, Console.In.ReadLine() ?? ""));
    return;
}

await HostSetup.Build(args).RunAsync();
