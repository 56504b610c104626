# CIRT Assess — the two commands of the README.
#   make run   installs what is missing, builds, starts the application
#   make test  installs what is missing, builds, runs every test
BUILD ?= build
MESON_OPTS ?=

.PHONY: all setup build run test benchmark clean

all: build

setup:
	@sh tools/setup-debian.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_OPTS)

build: setup $(BUILD)/build.ninja
	meson compile -C $(BUILD)

# Runs uninstalled on the default database ($XDG_DATA_HOME/cirt-assess/assessments.db).
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/src/app/cirt-assess

# GUI tests run each in their own Xvfb (tests/gui/meson.build).
test: build
	meson test -C $(BUILD) --print-errorlogs

benchmark: build
	meson test -C $(BUILD) --benchmark --print-errorlogs

clean:
	rm -rf $(BUILD)
