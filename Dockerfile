# The directives API (and CLI) in one image. Backend from the environment:
# DIRECTIVES_BACKEND=neo4j with NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE,
# or the embedded store in /data/store (a volume).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DIRECTIVES_STORE=/data/store
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY ingest ./ingest
COPY api ./api
COPY viz ./viz
COPY cli ./cli
COPY data/units.json data/central_documents.json ./data/
RUN pip install . && useradd --create-home --uid 10001 directives && mkdir -p /data/store \
    && chown -R directives /data
USER directives
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
CMD ["directives", "serve", "--host", "0.0.0.0", "--port", "8000"]
