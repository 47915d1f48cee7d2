# syntax=docker/dockerfile:1
FROM python:3.12-slim AS base
LABEL description="café 日本"
	EXPOSE 443
FROM base
EXPOSE ${PORT:-22}
USER app
