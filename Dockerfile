# syntax=docker/dockerfile:1
# skillgap: the dashboard (`skillgap app`) and the HTTP API (`skillgap serve`) in one small image.
#   docker build -t skillgap .
#   docker run -p 127.0.0.1:8000:8000 -e SKILLGAP_API_KEY_HASH='...' skillgap
#   docker run -p 127.0.0.1:8501:8501 skillgap skillgap app --address 0.0.0.0
# See compose.yaml for both with PostgreSQL, and docs/api.md.

# Stage 1: build skillgap's wheel and collect the wheels of its dependencies.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
COPY skill_taxonomy ./skill_taxonomy
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

# Stage 2: the runtime, installed from those wheels only: no compiler, no source tree.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels /wheels/skillgap-*.whl \
    && groupadd --gid 10001 skillgap \
    && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin skillgap \
    && install -d -o 10001 -g 10001 -m 700 /home/skillgap/.config /home/skillgap/.config/skillgap
USER 10001:10001
WORKDIR /home/skillgap
EXPOSE 8000 8501
# The API's health route; compose.yaml gives the dashboard its own check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# Off localhost the API needs SKILLGAP_API_KEY_HASH (make one with `skillgap serve --hash-key`).
CMD ["skillgap", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
