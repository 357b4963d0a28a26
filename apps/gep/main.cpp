#include "app/cli.h"

int main(int argc, char** argv) {
  return gep::app::run_cli(argc, argv);
}
