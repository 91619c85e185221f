export { type MyKad, type MyKadError, type MyKadResult, ageOn, findMyKadNumber, maskMyKad, parseMyKad, todayInMalaysia } from './mykad';
export { type MalaysianState, foreignBirthPlaces, malaysianStates, stateName } from './places';
