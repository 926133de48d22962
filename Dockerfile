# syntax=docker/dockerfile:1
# KhuyenCong portal: one image for the web server and for the command-line verbs (migrate, create-user).
#   docker build -t khuyencong-web .
#   docker run --rm khuyencong-web migrate        # any first argument that is a verb runs the verb
#   docker run -p 8080:8080 khuyencong-web        # no verb: the web server

# ---- build -------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Build settings first (global.json, central package versions, analyzers), then the sources. The whole
# src/ tree is copied rather than one .csproj at a time so that a new project cannot be forgotten here;
# the NuGet cache mount keeps restores fast anyway.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,id=khuyencong-nuget,target=/root/.nuget/packages \
    dotnet publish src/KhuyenCong.Web/KhuyenCong.Web.csproj \
      --configuration Release \
      --output /app/publish \
      -p:UseAppHost=false

# ---- runtime -----------------------------------------------------------------------------------------
# The Debian/Ubuntu-based aspnet image includes ICU, which the vi-VN formatting needs
# (InvariantGlobalization is off).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# MALLOC_ARENA_MAX=2: glibc gives each thread that meets a busy allocator an arena of its own, up to eight per core,
# and each keeps the native memory it once held (SQLite's page caches, the TLS and compression buffers). Two arenas
# kept the web process at 289 MB after the load benchmark instead of 301-303 MB, serving as many requests
# (bench load, issue 14; docs/operations.md).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    MALLOC_ARENA_MAX=2 \
    Portal__DataRoot=/app/data \
    Portal__LogFolder=/app/logs

COPY --from=build /app/publish .

# The data root (Portal__DataRoot) is /app/data: the default SQLite file is /app/data/khuyencong.db, documents
# and import previews are under it; the rolling log files are /app/logs/khuyencong-YYYYMMDD.log (Portal__LogFolder).
# Both folders belong to the image's non-root "app" user.
RUN mkdir -p /app/data /app/logs && chown -R "$APP_UID" /app/data /app/logs
USER $APP_UID
VOLUME ["/app/data", "/app/logs"]

EXPOSE 8080

# No HEALTHCHECK here: the aspnet image has neither curl nor wget, and adding one only for a probe would
# grow the attack surface. Probe GET /health from outside instead (the load balancer, Kubernetes, or
# docker-compose.yml, which orders start-up on the database's health and the migrate job's completion).

ENTRYPOINT ["dotnet", "KhuyenCong.Web.dll"]
