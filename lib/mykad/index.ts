export { type MyKad, type MyKadError, type MyKadResult, ageOn, findMyKadNumber, maskMyKad, maskMyKadNumbers, parseMyKad, todayInMalaysia } from './mykad';
export { type MalaysianState, foreignBirthPlaces, malaysianStates, stateName } from './places';
