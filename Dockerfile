# For users with Docker only (docker-compose.yml); nothing in the repo's own scripts or tests needs it.
FROM mcr.microsoft.com/dotnet/sdk:10.0
WORKDIR /app/main
COPY . .
RUN dotnet build src/Pipeline.Cli/Pipeline.Cli.csproj -c Release --nologo -v quiet
# ../shared (reference data, seeds) is mounted at /app/shared by docker-compose.yml.
ENTRYPOINT ["./pipeline"]
CMD ["demo"]
